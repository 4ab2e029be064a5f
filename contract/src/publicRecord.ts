import { z } from 'zod'
import { publicSigningKeySchema, revokedCertificateSchema } from './trustList.ts'
import { publicPlaceSchema } from './places.ts'
import { publicSurveySchema } from './surveys.ts'
import { publicSynonymGroupsSchema } from './publicSynonyms.ts'
import { audiences, categories, codesOf, contentTypes, eventKinds, eventModes, familySituations, grades, occasions, stages } from './vocabulary.ts'

/** One titled part of an item's page (objectives, body, practice…), as HTML the CMS has already escaped. */
export const publicSectionSchema = z.object({
  /** Stable key of the part, e.g. `objectives`, `body`, `practice`, `reflection`, `background`. */
  key: z.string().min(1),
  /** Chinese heading shown above the part. */
  heading: z.string(),
  /** Safe HTML: the CMS's converters' output passed through sanitizeSectionHtml (only http(s) and site-relative URLs). */
  html: z.string(),
})

export type PublicSection = z.infer<typeof publicSectionSchema>

/** The playable form of a micro-lesson's video, once it has been transcoded. */
export const publicVideoSchema = z.object({
  /** Site-relative URL of the HLS master playlist. */
  master: z.string().startsWith('/'),
  /** Site-relative URL of the audio-only playlist (省流量), when there is one. */
  audio: z.string().startsWith('/').nullable(),
  poster: z.string().startsWith('/').nullable(),
  captions: z.string().startsWith('/').nullable(),
  /** The transcoded media's real length, as ffprobe read it: what the page shows, not the written duration. */
  durationSeconds: z.number().nonnegative(),
  width: z.number().int().nonnegative(),
  height: z.number().int().nonnegative(),
  /** Renditions, lowest first, with their bandwidth and (from the transcode) the bytes of their segments, for data-cost labels. */
  renditions: z.array(
    z.object({ name: z.string(), height: z.number().int(), bandwidth: z.number().nonnegative(), bytes: z.number().int().nonnegative().optional() }),
  ),
  /** Bytes of the audio-only playlist's init and media segments; absent from exports made before it was carried. */
  audioBytes: z.number().int().nonnegative().nullable().optional(),
  /** True when each rendition carries its own sound (ladders since issue 18), so its bytes include it; absent or false when the sound is a separate EXT-X-MEDIA playlist. */
  audioInRenditions: z.boolean().optional(),
})

export type PublicVideo = z.infer<typeof publicVideoSchema>

/** An https:// address, the only scheme a live link may have. */
export const httpsUrlSchema = z.url({ protocol: /^https$/, hostname: z.regexes.domain })

/** When, where and by whom an event (活动日历) is held, as the calendar, its pages and its .ics files read it. */
export const publicEventSchema = z.object({
  kind: z.enum(codesOf(eventKinds)),
  /** ISO 8601 instants in UTC; pages show them in Asia/Shanghai (EVENT_TIME_ZONE). */
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  mode: z.enum(codesOf(eventModes)),
  /** The place's name and address as parents read it, for an in-person event; null online. */
  venue: z.string().nullable(),
  /** Slug of its entry in the service map (服务地图, `/places/<slug>/`), when the editor chose one; exports before it have none. */
  place: z.string().min(1).nullable().optional(),
  /** The live stream's https:// address, for an online event; null in person. */
  liveUrl: httpsUrlSchema.nullable(),
  /** Slug of the organization that holds it (its feed is `/events/feeds/organization/<slug>.ics`). */
  organization: z.string().nullable(),
  /** Marked as held by the editor; a held event links its replay when there is one. */
  held: z.boolean(),
  /** Record id of the micro-lesson that replays it, once held and published. */
  replay: z.string().nullable(),
})

export type PublicEvent = z.infer<typeof publicEventSchema>

/**
 * The public content contract: one published item as search, the site and
 * the widgets see it. Only published content is ever mapped to a record,
 * and nothing in it comes from CMS internals (ids, drafts, review notes).
 */
export const publicRecordSchema = z.object({
  /** `${type}:${slug}`: the same on every database and stable across re-imports. */
  id: z.string().min(1),
  type: z.enum(codesOf(contentTypes)),
  slug: z.string().min(1),
  /** Site-relative URL of the item's page. */
  url: z.string().startsWith('/'),
  title: z.string().min(1),
  summary: z.string(),
  /** Plain text of the body, for matching and snippets. */
  bodyText: z.string(),
  stages: z.array(z.enum(codesOf(stages))),
  grades: z.array(z.enum(codesOf(grades))),
  /** Teaching order of the earliest grade (幼儿园小班 = 1 … 高三 = 15, special needs = 16); 99 without a grade. */
  gradeOrder: z.number().int(),
  /** Theme slugs, main theme first. */
  themes: z.array(z.string()),
  themeNames: z.array(z.string()),
  audience: z.array(z.enum(codesOf(audiences))),
  category: z.enum(codesOf(categories)).nullable(),
  durationMinutes: z.number().positive().nullable(),
  familySituations: z.array(z.enum(codesOf(familySituations))),
  /** ISO 8601. */
  publishedAt: z.string(),
  /**
   * A lesson's teaching order in its grade (unique there; may have decimals, so 5.5
   * sits between 5 and 6); null for other types. Sort by it; number lessons by their
   * place in that order, not by this value.
   */
  sequence: z.number().positive().nullable(),
  /**
   * A lesson in its grade's core lessons (核心课, at most `contentLimits.coreLessonsPerGrade`
   * a grade); false for its other lessons. Absent on other types and from exports made before it.
   */
  core: z.boolean().optional(),
  /** The month an activity plan is for (1–12); null for other types. */
  month: z.number().int().min(1).max(12).nullable(),
  occasion: z.enum(codesOf(occasions)).nullable(),
  /** The parts of the item's page, in reading order. */
  sections: z.array(publicSectionSchema),
  /** Ids of related records (a lesson's micro-lessons, cases and plan; a micro-lesson's lesson…). */
  related: z.array(z.string()),
  /** Who presents a micro-lesson (an organization or role, never a person). */
  presenter: z.string().nullable(),
  video: publicVideoSchema.nullable(),
  /**
   * A micro-lesson whose video is attached but not transcoded yet (视频准备中); absent or false
   * otherwise, so a micro-lesson with neither this nor `video` is a text lesson (图文课).
   */
  videoPending: z.boolean().optional(),
  /** An event's time, place and replay; absent on other types. */
  event: publicEventSchema.optional(),
})

export type PublicRecord = z.infer<typeof publicRecordSchema>

/** A theme as the site lists it. */
export const publicThemeSchema = z.object({ slug: z.string().min(1), name: z.string().min(1), description: z.string() })

export type PublicTheme = z.infer<typeof publicThemeSchema>

/** An organization that runs a parent school or workshop, as the site shows it. */
export const publicOrganizationSchema = z.object({
  slug: z.string().min(1),
  name: z.string().min(1),
  type: z.string(),
  region: z.string(),
  description: z.string(),
  /** Origins allowed to frame this organization's widgets (`frame-ancestors`). */
  allowedOrigins: z.array(z.string()),
  /** The organization turned on counting searches that find nothing (needs report, issue 17); absent from older exports. */
  countsZeroResultSearches: z.boolean().optional(),
})

export type PublicOrganization = z.infer<typeof publicOrganizationSchema>

/** A course-list item held as a session of a parent school (家长学校): when, where, run by whom, for how many hours. */
export const publicSessionSchema = z.object({
  /** ISO 8601 instant in UTC; pages show it in Asia/Shanghai (EVENT_TIME_ZONE). */
  startsAt: z.string(),
  place: z.string(),
  /** A role or an organization (「班主任」「县妇联」), never a person's name. */
  runBy: z.string(),
  /** Study hours (学时) the session earns, or null when none are set. */
  hours: z.number().nullable(),
})

export type PublicSession = z.infer<typeof publicSessionSchema>

/** A published course list: an organization's ordered plan of lessons and micro-lessons. */
export const publicCourseListSchema = z.object({
  slug: z.string().min(1),
  title: z.string().min(1),
  description: z.string(),
  organization: z.string(),
  items: z.array(
    z.object({
      recordId: z.string(),
      date: z.string().nullable(),
      note: z.string(),
      /** The item held as a parent-school session (issue 16); absent from exports made before sessions. Never a head count. */
      session: publicSessionSchema.nullable().optional(),
    }),
  ),
  publishedAt: z.string(),
})

export type PublicCourseList = z.infer<typeof publicCourseListSchema>

/** A path inside the data folder: relative, with `/` separators, and never leaving the folder. */
const dataRelativePath = z
  .string()
  .min(1)
  .refine((value) => !value.startsWith('/') && !/^[A-Za-z]:/.test(value) && !value.includes('\\') && !value.split('/').includes('..'), {
    message: 'mediaSources must be paths relative to the data folder',
  })

/** Everything the CMS publishes for the site, widgets and search: written by the CMS export, read by the site build. */
export const publishedContentSchema = z.object({
  generatedAt: z.string(),
  /**
   * Folders holding the files behind `MEDIA_URL_PREFIX`, for the site build to copy, as POSIX paths
   * relative to the data folder (`GONGYU_DATA_DIR`), e.g. `hls` and `uploads/captions`: never the CMS
   * machine's absolute paths, so a site can be built elsewhere from a copy of the data folder.
   * Absent when there are none.
   */
  mediaSources: z.object({ hls: dataRelativePath, captions: dataRelativePath }).optional(),
  records: z.array(publicRecordSchema),
  themes: z.array(publicThemeSchema),
  organizations: z.array(publicOrganizationSchema),
  courseLists: z.array(publicCourseListSchema),
  /** The service map (服务地图): practice bases, guidance centres and service stations; absent from exports made before it. */
  places: z.array(publicPlaceSchema).optional(),
  /** Published satisfaction surveys (issue 17): their questions only. */
  surveys: z.array(publicSurveySchema).optional(),
  /** Synonyms editors accepted in the needs report (issue 17), for the browser's search; absent from exports made before them. */
  synonyms: publicSynonymGroupsSchema.optional(),
  /** Organizations' public signing keys, for the verify page (issue 16); absent from exports made before certificates. */
  signingKeys: z.array(publicSigningKeySchema).optional(),
  /** The static revocation list: ids of revoked certificates, never names. */
  revokedCertificates: z.array(revokedCertificateSchema).optional(),
})

export type PublishedContent = z.infer<typeof publishedContentSchema>
