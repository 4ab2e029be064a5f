import { createHash } from 'node:crypto'
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Payload } from 'payload'
import { richTextOf } from '../fixtures/richText.ts'
import { forgedUploadNodes, hostileRichText, payloadText, textPayloads } from '../fixtures/xssPayloads.ts'
import { cachedFolder } from './cachedFolder.ts'
import { startTestPayload, type TestPayload } from './testPayload.ts'

type Id = string | number

/** How many documents of each type besides lessons; every payload lands in their long fields across them. */
export const DOCS_PER_TYPE = 8

/** Slug of the lesson whose body holds only forged upload nodes (defect 2 of issue 12). */
export const FORGED_UPLOAD_LESSON = 'xss-forged-upload'

const GRADES = ['k1', 'k2', 'k3', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'j1', 'j2', 'j3', 's1', 's2', 's3', 'special']

export interface CorpusSlugs {
  lessons: string[]
  themes: string[]
  organizations: string[]
  courseLists: string[]
}

const all = textPayloads.map((_, index) => payloadText(index))
/** The payloads of document `k` of `count`: every payload goes to exactly one of them. */
const chunk = (k: number, count = DOCS_PER_TYPE) => all.filter((_, index) => index % count === k)
/** A title (at most 80 characters): payload `index`, cut if it is one of the few longer ones. */
const titleOf = (index: number) => payloadText(index % all.length).slice(0, 80)
const rows = (texts: string[], max: number) => texts.slice(0, max).map((text) => ({ text }))

/**
 * Writes hostile rich text straight into the database, past every hook:
 * what a document saved before issue 12's save-time check may hold. The
 * export's mapping must make it safe on its own.
 */
async function storeHostileRichText(
  payload: Payload,
  collection: 'lessons' | 'case-studies' | 'lesson-plans' | 'activity-plans',
  id: Id,
  data: Record<string, unknown>,
) {
  await payload.db.updateOne({ collection, id, data, returning: false })
}

/**
 * Puts every payload of the corpus into every published field of every
 * content type, as published documents: one lesson per payload (its
 * title, summary, lists, practice and rich text), and DOCS_PER_TYPE of
 * each other type whose long fields share out all payloads. Course lists
 * and organizations carry them in names, descriptions and notes.
 */
export async function loadXssCorpus(payload: Payload, widgetHostOrigin: string): Promise<CorpusSlugs> {
  const slugs: CorpusSlugs = { lessons: [], themes: [], organizations: [], courseLists: [] }
  const themes: Id[] = []
  for (let k = 0; k < DOCS_PER_TYPE; k += 1) {
    const slug = `xss-theme-${k + 1}`
    themes.push((await payload.create({ collection: 'themes', data: { name: titleOf(k * 3), slug, description: chunk(k).join('\n') } })).id)
    slugs.themes.push(slug)
  }
  const organizations: Id[] = []
  for (let k = 0; k < 4; k += 1) {
    const slug = `xss-org-${k + 1}`
    const data = {
      name: titleOf(k * 5 + 1),
      slug,
      type: 'school',
      region: `某省某县 ${payloadText(k)}`,
      description: chunk(k, 4).join('\n'),
      allowedOrigins: [{ origin: widgetHostOrigin }],
    }
    organizations.push((await payload.create({ collection: 'organizations', data: data as never })).id)
    slugs.organizations.push(slug)
  }

  const lessons: Id[] = []
  const lessonCount = all.length + 1
  for (let index = 0; index < lessonCount; index += 1) {
    const forged = index === all.length
    const text = forged ? '这节课的正文里有伪造的上传节点。' : all[index]!
    const slug = forged ? FORGED_UPLOAD_LESSON : `xss-lesson-${index + 1}`
    const created = await payload.create({
      collection: 'lessons',
      data: {
        title: forged ? '伪造上传节点的课程' : titleOf(index),
        slug,
        grade: GRADES[Math.floor(index / 20)],
        sequence: (index % 20) + 1,
        category: 'basic',
        audience: ['parents'],
        durationMinutes: 30,
        themes: [themes[index % themes.length]],
        summary: `${text} ${all[(index + 1) % all.length]}`.slice(0, 400),
        objectives: [{ text }],
        body: richTextOf(text),
        practiceActivity: { title: text, instructions: richTextOf(text) },
        reflectionQuestions: [{ text }, { text: all[(index + 2) % all.length] }],
        _status: 'published',
      } as never,
    })
    const body = forged
      ? { root: { ...richTextOf(text).root, children: [...richTextOf(text).root.children, ...forgedUploadNodes()] } }
      : hostileRichText([text])
    await storeHostileRichText(payload, 'lessons', created.id, { body, practiceActivity: { title: text, instructions: hostileRichText([text]) } })
    lessons.push(created.id)
    slugs.lessons.push(slug)
  }

  for (let k = 0; k < DOCS_PER_TYPE; k += 1) {
    const texts = chunk(k)
    const common = { themes: [themes[k]], _status: 'published' }
    await payload.create({
      collection: 'micro-lessons',
      data: {
        ...common,
        title: titleOf(k * 7 + 2),
        slug: `xss-micro-${k + 1}`,
        durationSeconds: 180,
        transcript: texts.join('\n\n'),
        grades: ['p3'],
        lesson: lessons[k],
        presenter: '县家长学校讲师团',
      } as never,
    })
    const caseStudy = await payload.create({
      collection: 'case-studies',
      data: {
        ...common,
        title: titleOf(k * 7 + 3),
        slug: `xss-case-${k + 1}`,
        stage: 'primary',
        grades: ['p3'],
        background: richTextOf('背景'),
        problem: richTextOf('问题'),
        strategy: richTextOf('策略'),
        outcome: richTextOf('结果'),
        sourceType: 'school',
        region: '四川省某县',
        familySituations: ['left-behind'],
      } as never,
    })
    await storeHostileRichText(payload, 'case-studies', caseStudy.id, {
      background: hostileRichText(texts),
      problem: hostileRichText(texts.slice(0, 3)),
      strategy: hostileRichText(texts.slice(3, 6)),
      outcome: hostileRichText(texts.slice(6)),
    })
    const plan = await payload.create({
      collection: 'lesson-plans',
      data: {
        ...common,
        title: titleOf(k * 7 + 4),
        slug: `xss-plan-${k + 1}`,
        lesson: lessons[k],
        grade: 'p3',
        durationMinutes: 60,
        objectives: rows(texts, 6),
        preparation: texts.join('\n\n'),
        materials: rows(texts, 20),
        steps: texts.slice(0, 15).map((text) => ({ minutes: 5, activity: text, teacherActions: text, parentActions: text })),
        evaluation: texts.join('\n'),
      } as never,
    })
    await storeHostileRichText(payload, 'lesson-plans', plan.id, { handoutContent: hostileRichText(texts) })
    const activity = await payload.create({
      collection: 'activity-plans',
      data: {
        ...common,
        title: titleOf(k * 7 + 5),
        slug: `xss-activity-${k + 1}`,
        occasion: 'family-day',
        month: 5,
        stages: ['primary'],
        overview: richTextOf('概述'),
        goals: rows(texts, 6),
        steps: texts.slice(0, 12).map((text) => ({ title: text, detail: text })),
        materials: rows(texts, 20),
        safetyNotes: rows(texts, 8),
      } as never,
    })
    await storeHostileRichText(payload, 'activity-plans', activity.id, { overview: hostileRichText(texts) })
  }

  for (let k = 0; k < organizations.length; k += 1) {
    const slug = `xss-list-${k + 1}`
    const texts = chunk(k, organizations.length)
    await payload.create({
      collection: 'course-lists',
      data: {
        title: titleOf(k * 11 + 6),
        slug,
        organization: organizations[k],
        description: texts.join('\n'),
        items: texts.map((note, index) => ({ resource: { relationTo: 'lessons', value: lessons[(k * 20 + index) % lessons.length] }, note })),
        _status: 'published',
      } as never,
    })
    slugs.courseLists.push(slug)
  }
  return slugs
}

/** What the saved corpus depends on besides the CMS code (which keys the cache folder itself, see cachedFolder.ts). */
const CORPUS_INPUTS = ['../helpers/xssCorpusSite.ts', '../fixtures/xssPayloads.ts', '../fixtures/richText.ts'].map((file) =>
  fileURLToPath(new URL(file, import.meta.url)),
)
/** The widget host origin the cached corpus is saved with; `startXssCorpusPayload` puts the running host's in its place. */
const PLACEHOLDER_ORIGIN = 'http://127.0.0.1:9'
const SLUGS_FILE = 'xss-corpus-slugs.json'

/**
 * Starts Payload (SQLite) with the whole corpus saved as `loadXssCorpus` saves
 * it, its organizations allowing the widget host at `widgetHostOrigin`. The
 * corpus is saved through Payload once per change of the CMS code or of the
 * corpus (tests/helpers/cachedFolder.ts) and copied for later runs, as the
 * seeded banks are; only the allowed origin, which has a new port each run,
 * is saved afresh.
 */
export async function startXssCorpusPayload(widgetHostOrigin: string): Promise<{ t: TestPayload; slugs: CorpusSlugs }> {
  const key = createHash('sha256')
  for (const file of CORPUS_INPUTS) key.update(readFileSync(file))
  let seededHere: { t: TestPayload; slugs: CorpusSlugs } | undefined
  const bank = await cachedFolder(`xss-corpus-${key.digest('hex').slice(0, 12)}`, async (folder) => {
    const t = await startTestPayload()
    try {
      const slugs = await loadXssCorpus(t.payload, PLACEHOLDER_ORIGIN)
      cpSync(t.dataDir, folder, { recursive: true })
      writeFileSync(path.join(folder, SLUGS_FILE), JSON.stringify(slugs))
      seededHere = { t, slugs }
    } catch (error) {
      await t.close()
      throw error
    }
  })
  const started = seededHere ?? {
    t: await startTestPayload({ from: bank }),
    slugs: JSON.parse(readFileSync(path.join(bank, SLUGS_FILE), 'utf8')) as CorpusSlugs,
  }
  try {
    await started.t.payload.update({
      collection: 'organizations',
      where: { slug: { in: started.slugs.organizations } },
      data: { allowedOrigins: [{ origin: widgetHostOrigin }] } as never,
      overrideAccess: true,
    })
  } catch (error) {
    await started.t.close()
    throw error
  }
  return started
}
