import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigurationError, resolvePayloadSecret } from './payloadSecret'

const envFile = () => path.join(mkdtempSync(path.join(tmpdir(), 'gongyu-secret-')), '.env.local')

describe('resolvePayloadSecret', () => {
  it('uses PAYLOAD_SECRET when it is set', () => {
    expect(resolvePayloadSecret({ NODE_ENV: 'production', PAYLOAD_SECRET: 'from-env' }, envFile())).toBe('from-env')
  })

  it('refuses to start in production without a secret, in Chinese', () => {
    expect(() => resolvePayloadSecret({ NODE_ENV: 'production' }, envFile())).toThrow(ConfigurationError)
    expect(() => resolvePayloadSecret({ NODE_ENV: 'production' }, envFile())).toThrow(/缺少环境变量 PAYLOAD_SECRET/)
  })

  it('generates one secret in development and keeps it in the local env file', () => {
    const file = envFile()
    const first = resolvePayloadSecret({ NODE_ENV: 'development' }, file)
    const second = resolvePayloadSecret({ NODE_ENV: 'development' }, file)
    expect(first).toMatch(/^[0-9a-f]{64}$/)
    expect(second).toBe(first)
    expect(readFileSync(file, 'utf8')).toContain(`PAYLOAD_SECRET=${first}`)
  })
})
