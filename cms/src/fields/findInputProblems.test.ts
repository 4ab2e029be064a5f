import type { Field } from 'payload'
import { describe, expect, it } from 'vitest'
import { controlCharacterIn, defaultInputLimits, findInputProblems } from './findInputProblems'

const label = (zh: string) => ({ zh, 'zh-TW': zh, en: zh })

const fields: Field[] = [
  { name: 'title', type: 'text', label: label('标题'), maxLength: 10 },
  { name: 'note', type: 'text', label: label('备注') },
  { name: 'summary', type: 'textarea', label: label('摘要') },
  { name: 'body', type: 'richText', label: label('正文') },
  {
    type: 'row',
    fields: [{ name: 'grade', type: 'select', label: label('年级'), options: ['p1', 'p2'] }],
  },
  {
    name: 'practice',
    type: 'group',
    label: label('亲子练习'),
    fields: [{ name: 'title', type: 'text', label: label('练习名称') }],
  },
  {
    name: 'objectives',
    type: 'array',
    label: label('学习目标'),
    maxRows: 3,
    fields: [{ name: 'text', type: 'textarea', label: label('目标') }],
  },
  { name: 'steps', type: 'array', label: label('步骤'), fields: [{ name: 'text', type: 'text', label: label('步骤名') }] },
  { name: 'hash', type: 'text', hidden: true },
  { name: 'state', type: 'json' },
]

function paragraphs(...lines: string[]) {
  return { root: { type: 'root', children: lines.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] })) } }
}

const messagesOf = (data: Record<string, unknown>) => findInputProblems(fields, data).map((problem) => problem.message)

describe('findInputProblems', () => {
  it('accepts ordinary Chinese content, with new lines and tabs where text is multi-line', () => {
    expect(
      findInputProblems(fields, {
        title: '孩子写作业拖拉',
        summary: '第一段\n第二段\t缩进',
        body: paragraphs('为什么重要', '家长可以这样做\t'),
        grade: 'p1',
        practice: { title: '小练习' },
        objectives: [{ text: '学会一件事\n再学一件' }],
      }),
    ).toEqual([])
  })

  it('names an oversized field by its Chinese label, with its own maxLength or the default', () => {
    expect(messagesOf({ title: '一二三四五六七八九十一' })).toEqual(['「标题」最多 10 个字符，现在有 11 个。'])
    expect(messagesOf({ note: 'x'.repeat(defaultInputLimits.text + 1) })[0]).toContain('「备注」最多 255 个字符')
    expect(messagesOf({ summary: 'x'.repeat(defaultInputLimits.textarea + 1) })[0]).toContain('「摘要」最多')
  })

  it('refuses C0, DEL and C1 controls, and line breaks in one-line text', () => {
    expect(messagesOf({ title: '标题\u0000' })[0]).toBe('「标题」含有不可见的控制字符（U+0000），请删除后再保存。单行文字也不能换行。')
    expect(messagesOf({ note: 'a\nb' })[0]).toContain('U+000A')
    expect(messagesOf({ summary: 'a\rb' })[0]).toContain('U+000D')
    expect(messagesOf({ summary: 'a\u007fb' })[0]).toContain('U+007F')
    expect(messagesOf({ summary: 'a\u0085b' })[0]).toContain('U+0085')
    expect(messagesOf({ grade: 'p1\u0000' })[0]).toContain('「年级」')
    expect(messagesOf({ body: paragraphs('正文\u001b[0m') })[0]).toContain('「正文」含有不可见的控制字符（U+001B）')
  })

  it('walks groups and array rows, naming the row', () => {
    const [problem] = findInputProblems(fields, { objectives: [{ text: '好' }, { text: '坏\u0007' }] })
    expect(problem?.path).toBe('objectives.1.text')
    expect(problem?.message).toContain('「学习目标」第 2 行「目标」')
    expect(findInputProblems(fields, { practice: { title: '练\u0000' } })[0]?.path).toBe('practice.title')
  })

  it('caps array rows by maxRows or the default', () => {
    expect(messagesOf({ objectives: [{ text: '1' }, { text: '2' }, { text: '3' }, { text: '4' }] })).toEqual(['「学习目标」最多 3 行，现在有 4 行。'])
    const rows = Array.from({ length: defaultInputLimits.arrayRows + 1 }, () => ({ text: '步' }))
    expect(messagesOf({ steps: rows })[0]).toContain('「步骤」最多 200 行')
  })

  it('caps rich text by visible characters, serialized bytes and depth', () => {
    expect(messagesOf({ body: paragraphs('字'.repeat(defaultInputLimits.richTextChars + 1)) })[0]).toContain('「正文」最多 100000 个字')
    const bulky = paragraphs(...Array.from({ length: 20_000 }, () => '短'))
    expect(messagesOf({ body: bulky })[0]).toMatch(/「正文」内容过大：保存后有 [\d.]+ MB，最多 1\.0 MB/)
    let node: Record<string, unknown> = { type: 'text', text: '深' }
    for (let level = 0; level < 10_000; level += 1) node = { type: 'paragraph', children: [node] }
    expect(messagesOf({ body: { root: node } })[0]).toContain('「正文」层级过深')
  })

  it('leaves hidden, JSON and absent fields alone, so partial updates check only what they write', () => {
    expect(messagesOf({ hash: '\u0000', state: { log: '\r\u0000' } })).toEqual([])
    expect(messagesOf({})).toEqual([])
  })

  it('controlCharacterIn reports the first control as U+XXXX', () => {
    expect(controlCharacterIn('正常\t文字\n', true)).toBeUndefined()
    expect(controlCharacterIn('正常\t文字', false)).toBe('U+0009')
    expect(controlCharacterIn('\u009f', true)).toBe('U+009F')
  })
})
