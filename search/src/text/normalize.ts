import * as OpenCC from 'opencc-js/t2cn'

// Taiwan and Hong Kong forms both map to mainland Simplified; `t2cn` is the small browser-safe build.
// `twp` also maps Taiwan's words (影片 → 视频, 軟體 → 软件), so a Taiwan parent's word finds the
// mainland one; it is for matching only, as a phrase may change length.
const fromTaiwanPhrases = OpenCC.Converter({ from: 'twp', to: 'cn' })
const fromTaiwan = OpenCC.Converter({ from: 'tw', to: 'cn' })
const fromHongKong = OpenCC.Converter({ from: 'hk', to: 'cn' })

/**
 * The one normal form every indexed text and every query goes through:
 * NFKC (full-width letters and digits become ASCII), Traditional → Simplified,
 * lower case, and runs of white space folded.
 */
export function normalizeText(text: string): string {
  return fromHongKong(fromTaiwanPhrases(text.normalize('NFKC')))
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Text in Simplified characters and lower case, character for character
 * where the conversion allows, so positions found in it usually match the
 * original (used to highlight Traditional text with Simplified terms).
 */
export function simplifiedForm(text: string): string {
  return fromHongKong(fromTaiwan(text)).toLowerCase()
}
