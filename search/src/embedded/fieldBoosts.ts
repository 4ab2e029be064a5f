/** The text fields the embedded engine indexes, and how much a match in each counts. */
// Named apart from the stored fields (title, summary…), because MiniSearch reads both through one extractField.
export const fieldBoosts = { titleText: 4, themeText: 2.5, labelText: 2, summaryText: 1.5, bodyText: 0.6, pinyin: 1.2, initials: 1 } as const
export type IndexedField = keyof typeof fieldBoosts
