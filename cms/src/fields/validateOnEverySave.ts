import { ValidationError, type FieldHook } from 'payload'

type Check = (value: never) => true | string

/**
 * Payload skips field validation on draft saves so editors can keep
 * unfinished work. Codes, slugs and numbers must still be well-formed in a
 * draft, so this field hook runs the field's own check on every save with a
 * value; completeness (required fields) stays a publish-time rule.
 */
export function validateOnEverySave(check: Check): FieldHook {
  return ({ value, path, collection, field, req }) => {
    const empty = value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
    if (empty) return value
    const result = check(value as never)
    if (result === true) return value
    // The path marks the field in the admin form; the label names it (课序号, not sequence) in the error summary.
    const label = 'label' in field && field.label ? field.label : undefined
    throw new ValidationError({ collection: collection?.slug, req, errors: [{ path: path.join('.'), label, message: result }] }, req.t)
  }
}
