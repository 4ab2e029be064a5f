import type { ArrayField } from 'payload'
import { localizedLabel } from '../i18n/localizedLabel'

interface TextListOptions {
  name: string
  label: string
  englishLabel: string
  itemLabel: string
  minRows?: number
  maxRows?: number
  required?: boolean
}

/** A list of short texts (objectives, questions, materials…), stored as `{ text }` rows. */
export function textList(options: TextListOptions): ArrayField {
  return {
    name: options.name,
    type: 'array',
    label: localizedLabel(options.label, options.englishLabel),
    minRows: options.minRows,
    maxRows: options.maxRows,
    required: options.required,
    labels: { singular: localizedLabel(options.itemLabel, 'Item'), plural: localizedLabel(options.label, options.englishLabel) },
    fields: [{ name: 'text', type: 'textarea', label: localizedLabel(options.itemLabel, 'Text'), required: true }],
  }
}
