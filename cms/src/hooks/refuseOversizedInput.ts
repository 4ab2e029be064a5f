import { ValidationError, type CollectionBeforeValidateHook } from 'payload'
import { findInputProblems } from '../fields/findInputProblems'

/**
 * Refuses oversized values and control characters on every save, drafts
 * included: Payload skips field validation on drafts, and SQLite would cut
 * a string at a NUL byte without a word. Only the incoming data is checked.
 */
export const refuseOversizedInput: CollectionBeforeValidateHook = ({ collection, data, req }) => {
  if (!data) return data
  const problems = findInputProblems(collection.fields, data)
  if (problems.length === 0) return data
  throw new ValidationError({ collection: collection.slug, errors: problems.map(({ path, label, message }) => ({ path, label, message })) }, req.t)
}
