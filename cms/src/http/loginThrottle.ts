import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

export interface LoginThrottleSettings {
  /** Attempts one client may make per window. */
  attempts: number
  windowSeconds: number
  /** Attempts all clients together may make per window; 0 for none (behind a trusted proxy). */
  allClientsAttempts: number
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

const ALL_CLIENTS = '*'

/**
 * Counts attempts per client in memory (one process serves the CMS). An
 * attempt is taken before the password is checked, so parallel guesses
 * cannot slip past the count, and given back when the login succeeds. There
 * is no per-account lock: an attacker could otherwise lock the admin out.
 */
export class LoginThrottle {
  private readonly perClient: RateLimiterMemory
  private readonly allClients: RateLimiterMemory | undefined

  constructor(settings: LoginThrottleSettings) {
    this.perClient = new RateLimiterMemory({ points: settings.attempts, duration: settings.windowSeconds })
    this.allClients =
      settings.allClientsAttempts > 0 ? new RateLimiterMemory({ points: settings.allClientsAttempts, duration: settings.windowSeconds }) : undefined
  }

  /** Takes `count` attempts for a client, or says how long it must wait. */
  async take(client: string, count = 1): Promise<ThrottleDecision> {
    try {
      await this.perClient.consume(client, count)
      await this.allClients?.consume(ALL_CLIENTS, count)
      return { allowed: true }
    } catch (refusal) {
      // The memory store rejects only with a RateLimiterRes; anything else is a real fault.
      if (!(refusal instanceof RateLimiterRes)) throw refusal
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) }
    }
  }

  /** Gives attempts back after a successful login. */
  async giveBack(client: string, count = 1): Promise<void> {
    await this.perClient.reward(client, count)
    await this.allClients?.reward(ALL_CLIENTS, count)
  }
}
