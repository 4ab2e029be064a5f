import * as OpenCC from 'opencc-js'

/** Labels in every admin language: Simplified, Traditional (converted with OpenCC) and English. */
export interface LocalizedLabel {
  [language: string]: string
  zh: string
  'zh-TW': string
  en: string
}

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' })

/** Builds an admin label from the Simplified Chinese text and its English name. */
export function localizedLabel(simplified: string, english: string): LocalizedLabel {
  return { zh: simplified, 'zh-TW': toTraditional(simplified), en: english }
}

/** Options for a select field from a `{ code, label }` vocabulary. */
export function optionsFrom(vocabulary: readonly { readonly code: string; readonly label: string }[], englishNames: Record<string, string> = {}) {
  return vocabulary.map((entry) => ({
    value: entry.code,
    label: localizedLabel(entry.label, englishNames[entry.code] ?? entry.code),
  }))
}
