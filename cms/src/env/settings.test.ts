import { describe, expect, it } from 'vitest'
import { cmsSettings } from './settings'

const MEGABYTE = 1024 * 1024
const env = (values: Record<string, string>): NodeJS.ProcessEnv => ({ NODE_ENV: 'development', ...values })

describe('cmsSettings', () => {
  it('gives every variable its documented default', () => {
    const settings = cmsSettings(env({ GONGYU_DATA_DIR: '/srv/gongyu' }))
    expect(settings).toMatchObject({
      payloadSecret: undefined,
      databaseUri: undefined,
      publicServerUrl: '',
      host: '0.0.0.0',
      port: 3000,
      dataDir: '/srv/gongyu',
      exportDir: '/srv/gongyu/published',
      sitePort: 4321,
      firstAdmin: null,
      allowedOrigins: [],
      trustProxy: false,
      maxJsonBytes: 2 * MEGABYTE,
      uploadLimits: { media: 20 * MEGABYTE, captions: MEGABYTE, videos: 2048 * MEGABYTE },
      video: { maxBytes: 2048 * MEGABYTE, maxSeconds: 1800, maxDimension: 4096, transcodeTimeoutMs: 1_200_000 },
      s3: null,
      instances: 1,
      role: 'web',
      runJobs: true,
      searchRetryDelayMs: 5000,
      exportOnChange: true,
    })
  })

  it('reads each variable by its name', () => {
    const settings = cmsSettings({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '3100',
      GONGYU_SITE_PORT: 'off',
      GONGYU_EXPORT_DIR: '/tmp/export',
      GONGYU_ADMIN_EMAIL: 'admin@example.test',
      GONGYU_ADMIN_PASSWORD: 'secret-password',
      GONGYU_TRUST_PROXY: '1',
      GONGYU_EXPORT_ON_CHANGE: '1',
    })
    expect(settings).toMatchObject({
      host: '127.0.0.1',
      port: 3100,
      sitePort: 'off',
      exportDir: '/tmp/export',
      firstAdmin: { email: 'admin@example.test', password: 'secret-password' },
      trustProxy: true,
      runJobs: false,
      exportOnChange: true,
    })
    expect(cmsSettings({ NODE_ENV: 'test' }).exportOnChange).toBe(false)
    expect(cmsSettings(env({ GONGYU_DISABLE_JOB_RUNNER: '1' })).runJobs).toBe(false)
    // With several web instances the worker alone runs jobs, even in a test run.
    expect(cmsSettings(env({ GONGYU_INSTANCES: '2' }))).toMatchObject({ instances: 2, role: 'web', runJobs: false })
    expect(cmsSettings({ NODE_ENV: 'test', GONGYU_INSTANCES: '2', GONGYU_PROCESS_ROLE: 'worker' })).toMatchObject({ role: 'worker', runJobs: true })
  })

  it('stops on a malformed number, naming the variable', () => {
    expect(() => cmsSettings(env({ PORT: 'http' }))).toThrow(/PORT/)
    expect(() => cmsSettings(env({ GONGYU_SITE_PORT: 'four' }))).toThrow(/GONGYU_SITE_PORT/)
    expect(() => cmsSettings(env({ GONGYU_INSTANCES: 'two' }))).toThrow(/GONGYU_INSTANCES/)
  })
})
