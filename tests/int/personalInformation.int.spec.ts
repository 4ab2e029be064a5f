import type { CollectionSlug } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { richTextOf } from '../fixtures/richText.ts'
import { validData } from '../fixtures/contentFixtures.ts'
import { startTestPayload, type TestPayload, type TestRole } from '../helpers/testPayload.ts'

type Id = string | number

let t: TestPayload
let theme: Id
let lesson: Id

// Disguised forms from issue 12: each must be refused wherever it is typed.
const PHONE = '1381 234 5678'
const ID_NUMBER = '110105-20150312-1234'
const NAMED_CHILD = '三年级二班的张小明'
const STUDENT_NUMBER = '学号：20190315'
const ADDRESS = '幸福小区3号楼2单元501室'
const WECHAT = '微信号 zhang_xm2015'
const CHINESE_PHONE = '一三八一二三四五六七八'
const leaked = ['13812345678', '1381 234 5678', '110105', '张小明', '20190315', '501室', 'zhang_xm2015', '一三八一二三四']

/** A Lexical body whose only personal information is a tel: link. */
function telLinkBody(): unknown {
  return {
    root: {
      type: 'root',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      children: [
        {
          type: 'paragraph',
          format: '',
          indent: 0,
          version: 1,
          direction: 'ltr',
          textFormat: 0,
          children: [
            {
              type: 'link',
              version: 3,
              format: '',
              indent: 0,
              direction: 'ltr',
              fields: { linkType: 'custom', url: 'tel:+8613812345678', newTab: false },
              children: [{ type: 'text', text: '给班主任打电话', format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
            },
          ],
        },
      ],
    },
  }
}

interface LeakCase {
  collection: CollectionSlug
  field: string
  label: RegExp
  as: TestRole
  leak: (data: Record<string, unknown>) => Record<string, unknown>
}

const cases: LeakCase[] = [
  { collection: 'lessons', field: 'title', label: /「标题」/, as: 'editor', leak: (data) => ({ ...data, title: `${NAMED_CHILD}的故事` }) },
  { collection: 'lessons', field: 'summary', label: /「摘要」/, as: 'editor', leak: (data) => ({ ...data, summary: `家长电话 ${PHONE}` }) },
  { collection: 'lessons', field: 'body (tel: link)', label: /「正文」/, as: 'editor', leak: (data) => ({ ...data, body: telLinkBody() }) },
  {
    collection: 'lessons',
    field: 'objectives',
    label: /「学习目标第 1 项/,
    as: 'editor',
    leak: (data) => ({ ...data, objectives: [{ text: STUDENT_NUMBER }] }),
  },
  {
    collection: 'lessons',
    field: 'practiceActivity.instructions',
    label: /亲子练习 · 做法/,
    as: 'editor',
    leak: (data) => ({ ...data, practiceActivity: { title: '练习', instructions: richTextOf(`送到${ADDRESS}`) } }),
  },
  {
    collection: 'micro-lessons',
    field: 'transcript',
    label: /「逐字稿」/,
    as: 'editor',
    leak: (data) => ({ ...data, transcript: `各位家长好，${CHINESE_PHONE}` }),
  },
  {
    collection: 'case-studies',
    field: 'background',
    label: /「背景」/,
    as: 'editor',
    leak: (data) => ({ ...data, background: richTextOf(`身份证 ${ID_NUMBER}`) }),
  },
  { collection: 'case-studies', field: 'region', label: /「地区/, as: 'editor', leak: (data) => ({ ...data, region: `四川省某县${ADDRESS}` }) },
  { collection: 'lesson-plans', field: 'preparation', label: /「课前准备」/, as: 'editor', leak: (data) => ({ ...data, preparation: WECHAT }) },
  {
    collection: 'lesson-plans',
    field: 'steps.parentActions',
    label: /活动流程第 1 项 · 家长做什么/,
    as: 'editor',
    leak: (data) => ({ ...data, steps: [{ minutes: 30, activity: '讨论', teacherActions: '讲解', parentActions: NAMED_CHILD }] }),
  },
  {
    collection: 'activity-plans',
    field: 'steps.detail',
    label: /活动步骤第 1 项 · 具体做法/,
    as: 'editor',
    leak: (data) => ({ ...data, steps: [{ title: '分工', detail: `联系 ${PHONE}` }] }),
  },
  {
    collection: 'activity-plans',
    field: 'safetyNotes',
    label: /安全提示第 1 项/,
    as: 'editor',
    leak: (data) => ({ ...data, safetyNotes: [{ text: ID_NUMBER }] }),
  },
  {
    collection: 'course-lists',
    field: 'description',
    label: /「说明」/,
    as: 'orgAdminA',
    leak: (data) => ({ ...data, description: `本清单由${NAMED_CHILD}的家长整理` }),
  },
  {
    collection: 'course-lists',
    field: 'items.note',
    label: /课程第 1 项 · 备注/,
    as: 'orgAdminA',
    leak: (data) => ({ ...data, items: [{ resource: { relationTo: 'lessons', value: lesson }, note: `有事找 ${PHONE}` }] }),
  },
  {
    collection: 'organizations',
    field: 'description',
    label: /「简介」/,
    as: 'admin',
    leak: (data) => ({ ...data, description: `负责孩子${NAMED_CHILD}的档案，${ID_NUMBER}` }),
  },
  { collection: 'themes', field: 'description', label: /「说明」/, as: 'admin', leak: (data) => ({ ...data, description: STUDENT_NUMBER }) },
]

function validFor(collection: CollectionSlug): Record<string, unknown> {
  return validData(collection, { theme, lesson, organization: t.organizations.a })
}

async function footprint(collection: CollectionSlug) {
  const docs = await t.payload.count({ collection, overrideAccess: true })
  const versioned = !['organizations', 'captions', 'media'].includes(collection)
  const versions = versioned ? (await t.payload.countVersions({ collection, overrideAccess: true })).totalDocs : 0
  return { docs: docs.totalDocs, versions }
}

function messagesOf(json: { errors?: { message: string; data?: { errors?: { message: string }[] } }[] } | null): string {
  return (json?.errors ?? []).flatMap((error) => [error.message, ...(error.data?.errors ?? []).map((fieldError) => fieldError.message)]).join('\n')
}

beforeAll(async () => {
  t = await startTestPayload()
  theme = (await t.payload.create({ collection: 'themes', data: validData('themes', { theme: 0 }) as never })).id
  lesson = (await t.payload.create({ collection: 'lessons', data: { ...validData('lessons', { theme }), _status: 'published' } as never })).id
})
afterAll(async () => {
  await t?.close()
})

describe('personal information is refused in every published field, drafts included', () => {
  it.each(
    cases.map((entry) => [entry.collection, entry.field, entry] as const),
  )('a draft of %s with it in %s is refused in Chinese and nothing is saved', async (collection, _field, entry) => {
    const before = await footprint(collection)
    const draft = collection === 'organizations' || collection === 'themes' ? '' : '?draft=true'
    const { status, json } = await t.rest('POST', `/${collection}${draft}`, {
      as: entry.as,
      body: { ...entry.leak(validFor(collection)), ...(draft ? { _status: 'draft' } : {}) },
    })
    const messages = messagesOf(json)
    expect(status).toBe(400)
    expect(messages).toMatch(/疑似含有个人信息/)
    expect(messages).toMatch(entry.label)
    expect(await footprint(collection)).toEqual(before)
  })

  it.each(
    cases.filter((entry) => !['organizations', 'themes'].includes(entry.collection)).map((entry) => [entry.collection, entry.field, entry] as const),
  )('publishing %s with it in %s is refused and the published version stays', async (collection, _field, entry) => {
    const data = validFor(collection)
    const published = await t.payload.create({ collection, data: { ...data, _status: 'published' } as never })
    const before = await footprint(collection)
    const error = await t.payload.update({ collection, id: published.id, data: { ...entry.leak(data), _status: 'published' } as never }).then(
      () => undefined,
      (reason: unknown) => reason as { status?: number; data?: { errors?: { message: string }[] } },
    )
    expect(error?.status).toBe(400)
    expect((error?.data?.errors ?? []).map((fieldError) => fieldError.message).join('\n')).toMatch(/疑似含有个人信息/)
    expect(await footprint(collection)).toEqual(before)
    const stored = JSON.stringify(await t.payload.findByID({ collection, id: published.id, draft: true, overrideAccess: true }))
    for (const text of leaked) expect(stored).not.toContain(text)
  })

  it('a partial update cannot add it to one field of an existing draft', async () => {
    const created = await t.rest('POST', '/micro-lessons?draft=true', { as: 'editor', body: { ...validFor('micro-lessons'), _status: 'draft' } })
    expect(created.status).toBe(201)
    const { status, json } = await t.rest('PATCH', `/micro-lessons/${created.json.doc.id}?draft=true`, {
      as: 'editor',
      body: { transcript: `各位家长好，我的电话是 ${PHONE}` },
    })
    expect(status).toBe(400)
    expect(messagesOf(json)).toMatch(/「逐字稿」中疑似含有个人信息：手机号/)
  })

  it('an organization may give its own public phone in its description, but not a child’s ID number', async () => {
    const allowed = await t.rest('POST', '/organizations', {
      as: 'admin',
      body: { ...validFor('organizations'), description: '咨询电话 138 1234 5678（工作日）' },
    })
    expect(allowed.status).toBe(201)
    const refused = await t.rest('POST', '/organizations', { as: 'admin', body: { ...validFor('organizations'), region: `某县${ADDRESS}` } })
    expect(refused.status).toBe(400)
  })

  it('never reads the random id Payload gives an array row, even when it holds eleven digits in a row', async () => {
    // A CI seed once failed on such an id (allowedOrigins.0.id, 「手机号」); nobody types or sees it.
    const { status, json } = await t.rest('POST', '/organizations', {
      as: 'admin',
      body: { ...validFor('organizations'), allowedOrigins: [{ id: 'abcdef13812345678abcdefa', origin: 'https://school.example.cn' }] },
    })
    expect(status, JSON.stringify(json)).toBe(201)
  })

  it('ordinary text about grades, schools, dates and hotlines is still accepted', async () => {
    const { status } = await t.rest('POST', '/lessons?draft=true', {
      as: 'editor',
      body: {
        ...validFor('lessons'),
        _status: 'draft',
        summary: '三年级二班的家长会定在2015年3月12日；初二(3)班的班主任请小明（化名）的家长拨打12355或400-161-9995。',
      },
    })
    expect(status).toBe(201)
  })

  it('a caption file with it in a cue is refused in Chinese and not stored', async () => {
    const before = await footprint('captions')
    const vtt = Buffer.from(`WEBVTT\n\n00:00.000 --> 00:03.000\n有事请打 ${PHONE}\n`)
    const error = await t.payload
      .create({ collection: 'captions', data: { language: 'zh-CN' }, file: { data: vtt, mimetype: 'text/vtt', name: 'leak.vtt', size: vtt.length } })
      .then(
        () => undefined,
        (reason: unknown) => reason as { status?: number; message?: string },
      )
    expect(error?.status).toBe(400)
    expect(error?.message).toMatch(/「字幕文件」中疑似含有个人信息：手机号/)
    expect(await footprint('captions')).toEqual(before)
    const clean = Buffer.from('WEBVTT\n\n00:00.000 --> 00:03.000\n各位家长好，今天讲2015年的故事。\n')
    await expect(
      t.payload.create({
        collection: 'captions',
        data: { language: 'zh-CN' },
        file: { data: clean, mimetype: 'text/vtt', name: 'clean.vtt', size: clean.length },
      }),
    ).resolves.toBeTruthy()
  })

  it('a media alt text with it is refused in Chinese', async () => {
    const image = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } })
      .png()
      .toBuffer()
    const error = await t.payload
      .create({ collection: 'media', data: { alt: NAMED_CHILD }, file: { data: image, mimetype: 'image/png', name: 'class-photo.png', size: image.length } })
      .then(
        () => undefined,
        (reason: unknown) => reason as { status?: number; data?: { errors?: { message: string }[] } },
      )
    expect(error?.status).toBe(400)
    expect((error?.data?.errors ?? []).map((fieldError) => fieldError.message).join('\n')).toMatch(/「替代文字」中疑似含有个人信息/)
  })

  it('a rich-text upload node with it in its fields is refused, even when it names real media', async () => {
    const image = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#669933' } })
      .png()
      .toBuffer()
    const media = await t.payload.create({
      collection: 'media',
      data: { alt: '活动照片' },
      file: { data: image, mimetype: 'image/png', name: 'activity.png', size: image.length },
    })
    const before = await footprint('lessons')
    const body = {
      root: {
        type: 'root',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        children: [{ type: 'upload', version: 3, format: '', relationTo: 'media', value: media.id, fields: { caption: `报名表：${ID_NUMBER}` } }],
      },
    }
    const { status, json } = await t.rest('POST', '/lessons?draft=true', { as: 'editor', body: { ...validFor('lessons'), _status: 'draft', body } })
    expect(status).toBe(400)
    expect(messagesOf(json)).toMatch(/「正文」中疑似含有个人信息：身份证号/)
    expect(await footprint('lessons')).toEqual(before)
  })

  it('the published export never carries a refused text', async () => {
    const { readPublishedContent } = await import('@gongyu/cms/publishing')
    const exported = JSON.stringify(await readPublishedContent(t.payload))
    expect(exported).toContain('这是一节用于测试的课程摘要')
    for (const text of leaked) expect(exported).not.toContain(text)
  })
})
