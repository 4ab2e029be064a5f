import { codesOf, contentLimits, eventKinds, eventModes, grades, httpsUrlSchema } from '@gongyu/contract'
import { z } from 'zod'
import { code, frontMatterObject, list, slug, text } from './fieldSchemas.ts'

const beijingTime = () => z.iso.datetime({ offset: true, error: '应为带时区的时间，例如 2026-12-12T19:30:00+08:00' })

/**
 * An event's front matter (`content/events/<slug>.md`); the body is its summary.
 * The CMS checks the rest of the schedule (held only once over, with a replay) when it is loaded.
 */
export const eventFrontMatter = frontMatterObject({
  title: text({ least: 4, cms: contentLimits.title }),
  kind: code(codesOf(eventKinds)),
  mode: code(codesOf(eventModes)),
  /** An organization or a role, never a person's name; the CMS refuses invented names on save. */
  presenter: text({ least: 3, cms: contentLimits.event.presenter }),
  /** The slug of the organization that holds it. */
  organization: slug(),
  startsAt: beijingTime(),
  endsAt: beijingTime(),
  venue: text({ least: 4, cms: contentLimits.event.venue }).optional(),
  liveUrl: httpsUrlSchema.max(contentLimits.event.liveUrl.maxLength).optional(),
  grades: list(code(codesOf(grades)), { minRows: 1, maxRows: grades.length }),
  themes: list(slug(), { minRows: 0, maxRows: contentLimits.themes.maxRows }),
  held: z.boolean({ error: '应为 true 或 false' }).optional(),
  /** The slug of the micro-lesson that replays it, once held. */
  replay: slug().optional(),
}).superRefine((event, ctx) => {
  if (Date.parse(event.endsAt) <= Date.parse(event.startsAt)) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '结束时间必须晚于开始时间' })
  if (event.mode === 'online' && !event.liveUrl) ctx.addIssue({ code: 'custom', path: ['liveUrl'], message: '线上活动需要直播链接' })
  if (event.mode === 'in-person' && !event.venue) ctx.addIssue({ code: 'custom', path: ['venue'], message: '线下活动需要地点' })
})

export type EventFrontMatter = z.infer<typeof eventFrontMatter>
