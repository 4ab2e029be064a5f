import { ValidationError, type CollectionBeforeValidateHook, type CollectionSlug, type Where } from 'payload'
import { type LocalizedLabel, localizedLabel } from '../i18n/localizedLabel'

interface RejectDuplicatesOptions {
  collection: CollectionSlug
  /** Fields whose combined values must be unique; the error is reported on the last one. */
  fields: string[]
  /** The last field's admin label: the error summary names the field by it (课序号), not by its name. */
  label: LocalizedLabel
  message: (values: Record<string, unknown>, existing: Record<string, unknown>) => string
}

/**
 * Rejects a save whose values for `fields` are already taken, with a Chinese
 * message naming the document that holds them. The database's unique index
 * stays as the guard against races; this gives editors a readable error.
 */
export function rejectDuplicates(options: RejectDuplicatesOptions): CollectionBeforeValidateHook {
  return async ({ data, originalDoc, req }) => {
    const merged: Record<string, unknown> = { ...(originalDoc ?? {}), ...(data ?? {}) }
    const values = Object.fromEntries(options.fields.map((field) => [field, merged[field]]))
    if (Object.values(values).some((value) => value === undefined || value === null || value === '')) return data
    const conditions: Where[] = options.fields.map((field) => ({ [field]: { equals: values[field] } }))
    const id = (originalDoc as { id?: string | number } | undefined)?.id
    if (id !== undefined) conditions.push({ id: { not_equals: id } })
    const existing = await req.payload.find({
      collection: options.collection,
      where: { and: conditions },
      limit: 1,
      // No total count: it would scan every match a second time only to be thrown away.
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const taken = existing.docs[0] as Record<string, unknown> | undefined
    if (!taken) return data
    const path = options.fields[options.fields.length - 1] ?? 'id'
    // The path is the field's name, so the admin marks that field with the message.
    throw new ValidationError({ collection: options.collection, req, errors: [{ path, label: options.label, message: options.message(values, taken) }] }, req.t)
  }
}

const slugLabel = localizedLabel('网址标识', 'Slug')

/** Rejects a slug another document of the collection already has, naming that document. */
export function uniqueSlug(collection: CollectionSlug, noun: string, titleField = 'title'): CollectionBeforeValidateHook {
  return rejectDuplicates({
    collection,
    fields: ['slug'],
    label: slugLabel,
    message: (values, existing) => `网址标识「${String(values.slug)}」已被${noun}「${String(existing[titleField])}」使用，请换一个。`,
  })
}
