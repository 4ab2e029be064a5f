import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { escapeHtml } from '@gongyu/contract'
import { sanitizeSectionHtml } from '@gongyu/contract/server'
import type { MediaLookup } from './mediaLookup'
import { tableHtmlConverter } from './tableHtmlConverter'
import { uploadHtmlConverter } from './uploadHtmlConverter'

/**
 * Safe HTML of a rich-text or plain-text field. Lexical goes through
 * Payload's converters, with tables as semantic HTML and uploads rendered
 * from the media documents `media` finds, and then through the section sanitizer, whatever the
 * converters wrote; plain text is escaped and split into paragraphs.
 */
export function htmlOf(value: unknown, media?: MediaLookup): string {
  if (value && typeof value === 'object' && 'root' in value) {
    const html = convertLexicalToHTML({
      data: value as SerializedEditorState,
      disableContainer: true,
      converters: ({ defaultConverters }) => ({ ...defaultConverters, ...tableHtmlConverter, ...uploadHtmlConverter(media), unknown: () => '' }),
    })
    return sanitizeSectionHtml(html)
  }
  if (typeof value !== 'string' || value.trim() === '') return ''
  return value
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('')
}

/** An escaped list of short texts; empty when there are none. */
export function listHtml(items: string[], ordered = false): string {
  const texts = items.map((item) => item.trim()).filter(Boolean)
  if (texts.length === 0) return ''
  const tag = ordered ? 'ol' : 'ul'
  return `<${tag}>${texts.map((text) => `<li>${escapeHtml(text)}</li>`).join('')}</${tag}>`
}
