import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

/** The plain text of a text or rich-text (Lexical) field value; anything else is empty. */
export function plainTextOf(value: unknown): string {
  if (typeof value === 'string') return value
  if (value && typeof value === 'object' && 'root' in value) return convertLexicalToPlaintext({ data: value as SerializedEditorState })
  return ''
}
