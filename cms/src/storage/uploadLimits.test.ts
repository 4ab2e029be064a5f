import { describe, expect, it } from 'vitest'
import { uploadLimitFor, uploadLimits } from './uploadLimits'

const env = (values: Record<string, string>): NodeJS.ProcessEnv => ({ NODE_ENV: 'test', ...values })

describe('uploadLimits', () => {
  it('gives images and PDFs, captions and videos their own limits', () => {
    expect(uploadLimits(env({}))).toEqual({ media: 20 * 1024 * 1024, captions: 1024 * 1024, videos: 2 * 1024 * 1024 * 1024 })
    expect(uploadLimits(env({ GONGYU_MAX_MEDIA_BYTES: '5000', GONGYU_MAX_CAPTION_BYTES: '300', GONGYU_MAX_VIDEO_BYTES: '9000' }))).toEqual({
      media: 5000,
      captions: 300,
      videos: 9000,
    })
    expect(uploadLimitFor('lessons', env({}))).toBeUndefined()
    expect(uploadLimitFor('constructor', env({}))).toBeUndefined()
  })

  it('refuses to start with a limit that is not a positive number', () => {
    expect(() => uploadLimits(env({ GONGYU_MAX_MEDIA_BYTES: '20MB' }))).toThrow(/GONGYU_MAX_MEDIA_BYTES/)
  })
})
