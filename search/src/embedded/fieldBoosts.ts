/** The text fields the embedded engine indexes, and how much a match in each counts. */
export const fieldBoosts = { title: 4, themeNames: 2.5, audienceLabels: 2, summary: 1.5, body: 0.6, pinyin: 1.2, initials: 1 } as const
export type IndexedField = keyof typeof fieldBoosts
