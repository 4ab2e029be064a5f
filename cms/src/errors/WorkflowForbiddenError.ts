import { APIError } from 'payload'

/** A save the editorial workflow does not allow for this user's role (HTTP 403, message in Chinese). */
export class WorkflowForbiddenError extends APIError {
  constructor(message: string) {
    super(message, 403, undefined, true)
    this.name = 'WorkflowForbiddenError'
  }
}
