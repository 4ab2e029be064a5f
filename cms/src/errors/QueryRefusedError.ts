import { APIError } from 'payload'

/** A read the CMS will not run as asked: too large, or malformed (message in Chinese, HTTP 400). */
export class QueryRefusedError extends APIError {
  constructor(message: string) {
    super(message, 400, undefined, true)
    this.name = 'QueryRefusedError'
  }
}
