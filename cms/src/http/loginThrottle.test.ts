import { describe, expect, it } from 'vitest'
import { LoginThrottle } from './loginThrottle'

describe('LoginThrottle', () => {
  it('refuses a client past its attempts with a wait, and leaves other clients alone', async () => {
    const throttle = new LoginThrottle({ attempts: 2, windowSeconds: 60, allClientsAttempts: 0 })
    expect(await throttle.take('a')).toEqual({ allowed: true })
    expect(await throttle.take('a')).toEqual({ allowed: true })
    const refused = await throttle.take('a')
    expect(refused.allowed).toBe(false)
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThan(0)
    expect(await throttle.take('b')).toEqual({ allowed: true })
  })

  it('takes several attempts at once and gives them back after a success', async () => {
    const throttle = new LoginThrottle({ attempts: 3, windowSeconds: 60, allClientsAttempts: 0 })
    expect((await throttle.take('a', 4)).allowed).toBe(false)
    const other = new LoginThrottle({ attempts: 2, windowSeconds: 60, allClientsAttempts: 0 })
    for (let round = 0; round < 5; round += 1) {
      expect((await other.take('a')).allowed).toBe(true)
      await other.giveBack('a')
    }
  })

  it('bounds all clients together when addresses can be forged', async () => {
    const throttle = new LoginThrottle({ attempts: 5, windowSeconds: 60, allClientsAttempts: 3 })
    for (const client of ['1', '2', '3']) expect((await throttle.take(client)).allowed).toBe(true)
    expect((await throttle.take('4')).allowed).toBe(false)
  })
})
