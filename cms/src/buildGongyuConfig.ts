import path from 'node:path'
import { en } from '@payloadcms/translations/languages/en'
import { zh } from '@payloadcms/translations/languages/zh'
import { zhTw } from '@payloadcms/translations/languages/zhTw'
import { buildConfig, type Config, type DatabaseAdapterObj, type SanitizedConfig } from 'payload'
import sharp from 'sharp'
import { Captions } from './collections/Captions'
import { Certificates } from './collections/Certificates'
import { contentTypes } from './collections/contentTypes'
import { CourseLists } from './collections/CourseLists'
import { reviewNavLink, reviewQueueView } from './admin/review/reviewAdminComponents'
import { Media } from './collections/Media'
import { ContentTasks } from './collections/ContentTasks'
import { NeedSignals } from './collections/NeedSignals'
import { pruneNeedSignalsTask } from './collections/NeedSignals/pruneNeedSignals'
import { needsReportNavLink, needsReportView } from './admin/needsReport/needsReportAdminComponents'
import { Organizations } from './collections/Organizations'
import { Places } from './collections/Places'
import { restrictDocumentLocks } from './collections/restrictDocumentLocks'
import { SigningKeys } from './collections/SigningKeys'
import { SurveyAnswers } from './collections/SurveyAnswers'
import { SurveyCodes } from './collections/SurveyCodes'
import { Surveys } from './collections/Surveys'
import { Themes } from './collections/Themes'
import { richTextEditor } from './fields/richTextEditor'
import { Users } from './collections/Users'
import { Videos } from './collections/Videos'
import { withInputLimits } from './collections/withInputLimits'
import { withOwnFieldTree } from './collections/withOwnFieldTree'
import { withPublicSync } from './collections/withPublicSync'
import { isAdminRequest } from './access/isAdminRequest'
import { databaseAdapter } from './db/databaseAdapter'
import { graphqlValidationRules } from './graphql/graphqlValidationRules'
import { MAX_POPULATE_DEPTH } from './query/queryLimits'
import { withQueryCaps } from './query/withQueryCaps'
import { cmsRoot } from './env/paths'
import { resolvePayloadSecret } from './env/payloadSecret'
import { cmsSettings } from './env/settings'
import { createFirstAdminFromEnv } from './hooks/createFirstAdminFromEnv'
import { exportPublishedContentTask, exportQueueAutoRun } from './jobs/exportPublishedContent'
import { searchQueueAutoRun, syncSearchRecordTask } from './jobs/syncSearchRecord'
import { transcodeVideoTask, videoQueueAutoRun } from './jobs/transcodeVideo'
import { searchEndpoint } from './search/searchEndpoint'
import { objectStoragePlugins } from './storage/objectStoragePlugins'
import { uploadOptions } from './storage/uploadOptions'

export interface GongyuConfigOptions {
  /** Overrides the database chosen from `DATABASE_URI` (tests use this for per-file databases). */
  db?: DatabaseAdapterObj
  env?: NodeJS.ProcessEnv
  /** Payload's logger, when not the default (the seed script passes one that leaves out what it reports itself). */
  logger?: Config['logger']
}

/** Assembles the Payload config; every part lives in its own file. */
export function buildGongyuConfig(options: GongyuConfigOptions = {}): Promise<SanitizedConfig> {
  const env = options.env ?? process.env
  const settings = cmsSettings(env)
  const srcDir = path.join(cmsRoot, 'src')
  return buildConfig({
    serverURL: settings.publicServerUrl,
    // Payload then accepts the session cookie only from these origins. Only with a public URL: a list
    // without the CMS's own origin would refuse its own admin. The API request guard refuses
    // cross-site writes either way (http/guardApiRequest.ts).
    csrf: settings.publicServerUrl ? settings.allowedOrigins : [],
    secret: resolvePayloadSecret(env),
    db: options.db ?? databaseAdapter(env),
    editor: richTextEditor,
    sharp,
    admin: {
      user: Users.slug,
      // Gravatar would send a hash of each staff email abroad, and it is blocked in mainland China.
      avatar: 'default',
      importMap: { baseDir: srcDir },
      meta: { titleSuffix: ' · 共育课程资源库', icons: [{ rel: 'icon', type: 'image/svg+xml', url: '/gongyu-icon.svg' }] },
      components: {
        graphics: { Logo: '/admin/graphics/GongyuLogo#GongyuLogo', Icon: '/admin/graphics/GongyuIcon#GongyuIcon' },
        views: { reviewQueue: reviewQueueView, needsReport: needsReportView },
        afterNavLinks: [reviewNavLink, needsReportNavLink],
        // The lock dialog's date in Chinese (Payload formats it en-US, whatever dateFormat says).
        providers: ['/admin/locks/ChineseLockDialogDate#ChineseLockDialogDate'],
      },
      // date-fns pattern: 2026年12月3日 14:05 in lists, version history and date fields.
      dateFormat: 'yyyy年M月d日 HH:mm',
    },
    collections: [
      ...Object.values(contentTypes).map((contentType) => withPublicSync(contentType.collection)),
      Themes,
      Organizations,
      CourseLists,
      Certificates,
      SigningKeys,
      Places,
      NeedSignals,
      ContentTasks,
      Surveys,
      SurveyAnswers,
      SurveyCodes,
      Media,
      Videos,
      Captions,
      Users,
    ]
      .map(withOwnFieldTree)
      .map(withInputLimits)
      .map(withQueryCaps),
    // No request populates relationships deeper than this, whatever `depth` it asks for.
    maxDepth: MAX_POPULATE_DEPTH,
    // Uploads stream to temp files up to the video limit; S3 when S3_BUCKET is set, local disk otherwise.
    upload: uploadOptions(env),
    plugins: objectStoragePlugins(env),
    // Test runs refuse thousands of requests on purpose; their log shows warnings and errors only.
    logger: options.logger ?? (settings.nodeEnv === 'test' ? { options: { level: 'warn' } } : undefined),
    // Expected refusals are routine, not server errors.
    loggingLevels: {
      WorkflowForbiddenError: 'info',
      Forbidden: 'info',
      ValidationError: 'info',
      NotFound: 'info',
      UploadRefusedError: 'info',
      QueryRefusedError: 'info',
      QueryError: 'info',
      AuthenticationError: 'info',
      BodyTooLargeError: 'info',
      LastAdminError: 'info',
    } as NonNullable<Config['loggingLevels']>,
    i18n: {
      supportedLanguages: { zh, 'zh-TW': zhTw, en },
      fallbackLanguage: 'zh',
    },
    jobs: {
      // Scheduled publishing is a job; the dev server runs the queue every minute, tests run it themselves.
      autoRun: [{ cron: '* * * * *', queue: 'default', limit: 20 }, videoQueueAutoRun, searchQueueAutoRun, exportQueueAutoRun],
      tasks: [transcodeVideoTask, syncSearchRecordTask, exportPublishedContentTask, pruneNeedSignalsTask],
      // The export job's `concurrency` (one at a time, a newer queued job replaces a waiting one) needs this.
      enableConcurrencyControl: true,
      // Running, queueing or cancelling jobs over HTTP (/api/payload-jobs/run, /handle-schedules) is for admins.
      access: { run: isAdminRequest, queue: isAdminRequest, cancel: isAdminRequest },
      shouldAutoRun: () => settings.runJobs,
    },
    // POST /api/anonymous/:kind has its own Next.js route (app/(payload)/api/anonymous/[kind]), outside Payload's REST set-up.
    endpoints: [searchEndpoint],
    typescript: { outputFile: path.join(srcDir, 'payload-types.ts') },
    graphQL: { schemaOutputFile: path.join(srcDir, 'generated-schema.graphql'), validationRules: graphqlValidationRules },
    onInit: async (payload) => {
      await createFirstAdminFromEnv(payload, env)
    },
  }).then(restrictDocumentLocks)
}
