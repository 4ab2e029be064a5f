import { APIError } from 'payload'

/** An upload the CMS will not store: too large, or not what the collection takes (message in Chinese). */
export class UploadRefusedError extends APIError {
  constructor(message: string, status: 400 | 413 = 400) {
    super(message, status, undefined, true)
    this.name = 'UploadRefusedError'
  }
}
