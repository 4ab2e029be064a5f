import { escapeHtml } from '@gongyu/contract'

/** Private-use characters that mark highlights in Meilisearch output; indexed content never contains them. */
export const HIGHLIGHT_START = '\uE000'
export const HIGHLIGHT_END = '\uE001'

/** Turns Meilisearch's marked text into safe HTML: everything is escaped first, then only the markers become `<mark>`. */
export function markedTextToHtml(text: string): string {
  return escapeHtml(text).replaceAll(HIGHLIGHT_START, '<mark>').replaceAll(HIGHLIGHT_END, '</mark>')
}
