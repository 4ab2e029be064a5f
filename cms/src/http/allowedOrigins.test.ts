import { describe, expect, it } from 'vitest'
import { allowedOrigins } from './allowedOrigins'

const env = (values: Record<string, string>): NodeJS.ProcessEnv => ({ NODE_ENV: 'test', ...values })

describe('allowedOrigins', () => {
  it('lists the server URL and GONGYU_ALLOWED_ORIGINS as origins, once each', () => {
    expect(
      allowedOrigins(env({ PAYLOAD_PUBLIC_SERVER_URL: 'https://cms.example/', GONGYU_ALLOWED_ORIGINS: ' https://admin.example/path , https://cms.example' })),
    ).toEqual(['https://cms.example', 'https://admin.example'])
    expect(allowedOrigins(env({}))).toEqual([])
  })

  it('refuses to start with a value that is not a URL', () => {
    expect(() => allowedOrigins(env({ GONGYU_ALLOWED_ORIGINS: 'cms.example' }))).toThrow(/absolute URLs/)
  })
})
