import { ValidationError, type FieldHook } from 'payload'

type Check = (value: never) => true | string

/**
 * Payload skips field validation on draft saves so editors can keep
 * unfinished work. Codes, slugs and numbers must still be well-formed in a
 * draft, so this field hook runs the field's own check on every save with a
 * value; completeness (required fields) stays a publish-time rule.
 */
export function validateOnEverySave(check: Check): FieldHook {
  return ({ value, path, collection, req }) => {
    const empty = value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
    if (empty) return value
    const result = check(value as never)
    if (result === true) return value
    throw new ValidationError({ collection: collection?.slug, errors: [{ path: path.join('.'), message: result }] }, req.t)
  }
}
