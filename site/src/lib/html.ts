/**
 * Moves the CMS's headings one level down (h2 → h3 …), so body HTML sits
 * under the page's own section headings and the outline stays in order.
 * The HTML is the CMS's already-escaped output; only tag names change.
 */
export function demoteHeadings(html: string): string {
  return html.replace(/<(\/?)h([1-5])(?=[\s>])/g, (_match, slash: string, level: string) => `<${slash}h${Number(level) + 1}`)
}

/** JSON for a `<script type="application/ld+json">` block: `<` is escaped so no text can close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
