import type { PublicRecord } from '@gongyu/contract'
import { unzipSync, strFromU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { teacherSideRecord } from '../../../tests/fixtures/publicRecords.ts'
import { handoutDocx, planDocx } from './docxPlan.ts'

const HOSTILE = '<script>alert(1)</script> & "引号" \u0001\u001f]]>'

function plan(sections: PublicRecord['sections'], title = '家长课堂：拆开作业拖拉这团乱麻'): PublicRecord {
  return teacherSideRecord({ type: 'lesson-plan', slug: 'p2', title, sections, publishedAt: '2026-01-01T00:00:00.000Z' })
}

const SECTIONS: PublicRecord['sections'] = [
  { key: 'steps', heading: '活动流程', html: '<ol><li><strong>暖场</strong><p>教师：请家长写便利贴。</p></li></ol>' },
  {
    key: 'handout',
    heading: '家长学习单',
    html: '<p><strong>两周观察记录表：</strong></p><table><thead><tr><th scope="col">日期</th><th scope="col">开始时间</th></tr></thead><tbody><tr><td>第1天</td><td><br /></td></tr></tbody></table><ul><li>拆小块</li></ul>',
  },
  { key: 'evaluation', heading: '效果评估', html: '<p>当场收回离场卡片。</p>' },
]

/** The main part of a .docx (a zip): its XML, and its text with the XML tags taken out. */
function documentOf(file: Buffer): { xml: string; text: string } {
  const xml = strFromU8(unzipSync(new Uint8Array(file))['word/document.xml'] ?? new Uint8Array())
  return { xml, text: xml.replace(/<[^>]+>/g, '') }
}

describe('planDocx', () => {
  it('holds the teacher’s parts, then the handout on a new page, with blanks for the school and a QR code', async () => {
    const file = await planDocx(plan(SECTIONS), { lessonUrl: 'https://gongyu.example.cn/lessons/p2-01/' })
    const { xml, text } = documentOf(file)
    expect(text).toContain('家长课堂：拆开作业拖拉这团乱麻')
    expect(text).toContain('学校名称：')
    expect(text).toContain('联系人及电话：')
    expect(text.indexOf('效果评估')).toBeGreaterThan(-1)
    expect(text.indexOf('效果评估')).toBeLessThan(text.indexOf('家长学习单'))
    expect(xml).toContain('<w:pageBreakBefore/>')
    expect(xml).toContain('<w:tblHeader/>')
    expect(text).toContain('日期开始时间第1天')
    // A step's name is its own line, its teacher's and parents' parts stay separate paragraphs under it.
    expect(xml).toMatch(
      /<w:t[^>]*>1\. <\/w:t>.*<w:t[^>]*>暖场<\/w:t><\/w:r><\/w:p><w:p><w:pPr><w:ind w:left="420"\/><\/w:pPr><w:r><w:t[^>]*>教师：请家长写便利贴。/,
    )
    expect(text).toContain('扫码看这一课：https://gongyu.example.cn/lessons/p2-01/')
    expect(Object.keys(unzipSync(new Uint8Array(file))).some((name) => name.startsWith('word/media/') && name.endsWith('.png'))).toBe(true)
  })
})

describe('handoutDocx', () => {
  it('holds the handout alone, its heading once', async () => {
    const file = await handoutDocx(plan(SECTIONS), { lessonUrl: 'https://gongyu.example.cn/lessons/p2-01/' })
    const { text } = documentOf(file as Buffer)
    expect(text.split('家长学习单').length - 1).toBe(1)
    expect(text).not.toContain('效果评估')
    expect(text).not.toContain('活动流程')
    expect(text).toContain('拆小块')
  })

  it('is undefined without a handout', async () => {
    expect(await handoutDocx(plan(SECTIONS.filter((section) => section.key !== 'handout')), { lessonUrl: 'https://x.example/' })).toBeUndefined()
  })

  it('writes hostile text as text: escaped, without characters XML cannot hold', async () => {
    const sections = [
      { key: 'handout', heading: '家长学习单', html: `<p>${HOSTILE.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p><img src="/a.png" alt="${'"'}><b>x</b>">` },
    ]
    const file = await handoutDocx(plan(sections, HOSTILE), { lessonUrl: 'https://x.example/?a=1&b=<2>' })
    const { xml } = documentOf(file as Buffer)
    expect(xml).not.toContain('<script')
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; ')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: checking that none are left
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/)
    expect(xml).not.toContain('<b>')
  })
})
