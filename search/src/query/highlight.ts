import { escapeHtml } from '@gongyu/contract'
import { simplifiedForm } from '../text/normalize.ts'

/** Text to find (Simplified, lower-case) terms in: its Simplified form when that keeps every position, else just lower case. */
function comparableForm(text: string): string {
  const simplified = simplifiedForm(text)
  return simplified.length === text.length ? simplified : text.toLowerCase()
}

/**
 * HTML for a piece of text with the given terms marked. The text and terms
 * are escaped before any tag is added, so neither content nor query can
 * inject markup; the only tags in the output are `<mark>` and `</mark>`.
 */
export function highlight(text: string, terms: readonly string[]): string {
  const wanted = [...new Set(terms.filter((term) => term.length > 0))].sort((a, b) => b.length - a.length)
  if (wanted.length === 0) return escapeHtml(text)
  const lowered = comparableForm(text)
  const marks = new Array<boolean>(text.length).fill(false)
  for (const term of wanted) {
    const needle = term.toLowerCase()
    for (let at = lowered.indexOf(needle); at !== -1; at = lowered.indexOf(needle, at + needle.length)) {
      marks.fill(true, at, at + needle.length)
    }
  }
  let html = ''
  let open = false
  for (let index = 0; index < text.length; index += 1) {
    if (marks[index] && !open) html += '<mark>'
    if (!marks[index] && open) html += '</mark>'
    open = Boolean(marks[index])
    html += escapeHtml(text.charAt(index))
  }
  return open ? `${html}</mark>` : html
}

/**
 * A window of text around the first matched term, for result snippets,
 * highlighted and HTML-safe. Falls back to the start of the text.
 */
export function snippet(text: string, terms: readonly string[], length = 80): string {
  const lowered = comparableForm(text)
  const first = Math.min(...terms.map((term) => lowered.indexOf(term.toLowerCase())).filter((index) => index >= 0), Number.POSITIVE_INFINITY)
  const start = Number.isFinite(first) ? Math.max(0, first - Math.floor(length / 4)) : 0
  const piece = text.slice(start, start + length)
  return `${start > 0 ? '…' : ''}${highlight(piece, terms)}${start + length < text.length ? '…' : ''}`
}
