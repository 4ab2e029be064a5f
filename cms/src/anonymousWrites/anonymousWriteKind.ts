import type { Payload } from 'payload'
import type { z } from 'zod'

/**
 * One kind of thing an anonymous visitor may send (a survey answer, a needs
 * signal). The one endpoint (`POST /api/anonymous/:kind`) reads at most
 * `maxBodyBytes`, applies the per-client rate limit, validates with `schema`,
 * and only then calls `store`. A kind never sees the client's address or any
 * header: nothing that identifies a device can be stored.
 */
export interface AnonymousWriteKind<Value> {
  /** The URL segment, e.g. `survey-answer`. */
  kind: string
  /** Strict: unknown keys are refused, every string has a length limit. */
  schema: z.ZodType<Value>
  /** Largest accepted body in bytes (JSON or a urlencoded form). */
  maxBodyBytes: number
  /**
   * Saves the validated value. Throws `AnonymousWriteRefusal` for a refusal
   * the visitor should read (e.g. a code already used); anything else is a 500.
   */
  store: (payload: Payload, value: Value) => Promise<AnonymousWriteResult>
}

export interface AnonymousWriteResult {
  /** Shown to the visitor, in Simplified Chinese. */
  message: string
}

/** A refusal with a message for the visitor (status 400, 404 or 409). */
export class AnonymousWriteRefusal extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message)
    this.name = 'AnonymousWriteRefusal'
  }
}
