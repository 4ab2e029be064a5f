import * as OpenCC from 'opencc-js/cn2t'

// Taiwan phrasing, as the site's Traditional copy is made (site/src/integrations/traditional.ts); the big
// Simplified → Traditional tables stay on the server: this runs at index time only.
let toTraditional: ((text: string) => string) | undefined

/**
 * A title in Traditional characters, stored beside the Simplified one in
 * Meilisearch so a Traditional widget can show it: the browser never loads
 * the 1 MB conversion tables. 后 is written 後 (after), as on the site.
 */
export function traditionalTitleOf(title: string): string {
  toTraditional ??= OpenCC.Converter({ from: 'cn', to: 'twp' })
  return toTraditional(title)
    .replace(/后/g, '後')
    .replace(/[“”]/g, (quote) => (quote === '“' ? '「' : '」'))
}
