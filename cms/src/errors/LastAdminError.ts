import { APIError } from 'payload'

/** Refuses to delete the last admin while other accounts exist (HTTP 400, message in Chinese). */
export class LastAdminError extends APIError {
  constructor(message: string) {
    super(message, 400, undefined, true)
    this.name = 'LastAdminError'
  }
}
