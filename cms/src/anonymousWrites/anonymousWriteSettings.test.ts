import { describe, expect, it } from 'vitest'
import { anonymousWriteSettings } from './anonymousWriteSettings'

describe('anonymousWriteSettings', () => {
  it('defaults to 600 writes per address in 10 minutes', () => {
    expect(anonymousWriteSettings({} as NodeJS.ProcessEnv)).toEqual({ perClient: 600, windowSeconds: 600, allClients: 6000 })
  })

  it('has a ceiling over all clients only where a client could forge its address (no trusted proxy)', () => {
    expect(anonymousWriteSettings({ GONGYU_ANONYMOUS_WRITES_ALL_CLIENTS: '900' } as unknown as NodeJS.ProcessEnv).allClients).toBe(900)
    expect(anonymousWriteSettings({ GONGYU_TRUST_PROXY: '1' } as unknown as NodeJS.ProcessEnv).allClients).toBe(0)
  })

  it('reads the environment and stops on a malformed value', () => {
    expect(anonymousWriteSettings({ GONGYU_ANONYMOUS_WRITES_PER_CLIENT: '50' } as unknown as NodeJS.ProcessEnv).perClient).toBe(50)
    expect(() => anonymousWriteSettings({ GONGYU_ANONYMOUS_WRITE_WINDOW_SECONDS: '-1' } as unknown as NodeJS.ProcessEnv)).toThrow(/正整数/)
  })
})
