import path from 'node:path'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import { zhTw } from '@payloadcms/translations/languages/zhTw'
import { buildConfig, type Config, type DatabaseAdapterObj, type SanitizedConfig } from 'payload'
import sharp from 'sharp'
import { ActivityPlans } from './collections/ActivityPlans'
import { Captions } from './collections/Captions'
import { CaseStudies } from './collections/CaseStudies'
import { CourseLists } from './collections/CourseLists'
import { Lessons } from './collections/Lessons'
import { LessonPlans } from './collections/LessonPlans'
import { Media } from './collections/Media'
import { MicroLessons } from './collections/MicroLessons'
import { Organizations } from './collections/Organizations'
import { Themes } from './collections/Themes'
import { Users } from './collections/Users'
import { Videos } from './collections/Videos'
import { databaseAdapter } from './db/databaseAdapter'
import { cmsRoot } from './env/paths'
import { resolvePayloadSecret } from './env/payloadSecret'
import { createFirstAdminFromEnv } from './hooks/createFirstAdminFromEnv'
import { searchQueueAutoRun, syncSearchRecordTask } from './jobs/syncSearchRecord'
import { transcodeVideoTask, videoQueueAutoRun } from './jobs/transcodeVideo'
import { searchEndpoint } from './search/searchEndpoint'
import { objectStoragePlugins } from './storage/objectStoragePlugins'
import { uploadOptions } from './storage/uploadOptions'

export interface GongyuConfigOptions {
  /** Overrides the database chosen from `DATABASE_URI` (tests use this for per-file databases). */
  db?: DatabaseAdapterObj
  env?: NodeJS.ProcessEnv
}

/** Assembles the Payload config; every part lives in its own file. */
export function buildGongyuConfig(options: GongyuConfigOptions = {}): Promise<SanitizedConfig> {
  const env = options.env ?? process.env
  const srcDir = path.join(cmsRoot, 'src')
  return buildConfig({
    serverURL: env.PAYLOAD_PUBLIC_SERVER_URL ?? '',
    secret: resolvePayloadSecret(env),
    db: options.db ?? databaseAdapter(env),
    editor: lexicalEditor(),
    sharp,
    admin: {
      user: Users.slug,
      importMap: { baseDir: srcDir },
      meta: { titleSuffix: ' · 共育课程资源库' },
    },
    collections: [Lessons, MicroLessons, CaseStudies, LessonPlans, ActivityPlans, Themes, Organizations, CourseLists, Media, Videos, Captions, Users],
    // Uploads stream to temp files up to the video limit; S3 when S3_BUCKET is set, local disk otherwise.
    upload: uploadOptions(env),
    plugins: objectStoragePlugins(env),
    // Test runs refuse thousands of requests on purpose; their log shows warnings and errors only.
    logger: env.NODE_ENV === 'test' ? { options: { level: 'warn' } } : undefined,
    // Expected refusals are routine, not server errors.
    loggingLevels: { WorkflowForbiddenError: 'info', Forbidden: 'info', ValidationError: 'info', NotFound: 'info', UploadRefusedError: 'info' } as NonNullable<Config['loggingLevels']>,
    i18n: {
      supportedLanguages: { zh, 'zh-TW': zhTw, en },
      fallbackLanguage: 'zh',
    },
    jobs: {
      // Scheduled publishing is a job; the dev server runs the queue every minute, tests run it themselves.
      autoRun: [{ cron: '* * * * *', queue: 'default', limit: 20 }, videoQueueAutoRun, searchQueueAutoRun],
      tasks: [transcodeVideoTask, syncSearchRecordTask],
      shouldAutoRun: () => env.NODE_ENV !== 'test' && env.GONGYU_DISABLE_JOB_RUNNER !== '1',
    },
    endpoints: [searchEndpoint],
    typescript: { outputFile: path.join(srcDir, 'payload-types.ts') },
    graphQL: { schemaOutputFile: path.join(srcDir, 'generated-schema.graphql') },
    onInit: async (payload) => {
      await createFirstAdminFromEnv(payload, env)
    },
  })
}
