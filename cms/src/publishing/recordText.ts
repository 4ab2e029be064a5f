/** The longest summary a record gets when its type has no summary field, in characters. */
export const SUMMARY_LENGTH = 120

/** The non-empty texts of a list of `{ text }` rows (objectives, questions, materials…). */
export function textsOf(rows: readonly { text: string }[] | null | undefined): string[] {
  return (rows ?? []).map((row) => row.text).filter(Boolean)
}

/** The start of a text on one line, cut at SUMMARY_LENGTH with an ellipsis. */
export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > SUMMARY_LENGTH ? `${flat.slice(0, SUMMARY_LENGTH)}…` : flat
}
