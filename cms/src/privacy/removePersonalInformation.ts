import { findPersonalInformation, type PersonalInformationKind } from './findPersonalInformation'

/** What stands where personal information was removed. */
export const REMOVED_MARK = '［已删除］'

export interface RemovedPersonalInformation {
  text: string
  /** The kinds removed, each once, in the order first found. */
  removed: PersonalInformationKind[]
}

/** The same masking as the finder's (first and last character, whitespace dropped), to find where a finding ends. */
function maskOf(characters: string[]): string {
  const visible = characters.join('').replace(/\s+/g, '')
  const all = [...visible]
  if (all.length <= 2) return '＊'.repeat(all.length)
  return all[0] + '＊'.repeat(all.length - 2) + all[all.length - 1]
}

/**
 * The text with everything the case-study check finds (phone and ID
 * numbers, a named child with a class, addresses, accounts) replaced by
 * ［已删除］, for free text that is stored rather than refused: a parent's
 * survey comment. The finder gives where each finding starts and its masked
 * form, which fixes where it ends.
 */
export function removePersonalInformation(input: string): RemovedPersonalInformation {
  let characters = [...input]
  const removed: PersonalInformationKind[] = []
  // Each pass removes the first finding and looks again, so positions always refer to the current text.
  for (let pass = 0; pass < 200; pass += 1) {
    const finding = findPersonalInformation(characters.join(''))[0]
    if (!finding) return { text: characters.join(''), removed }
    const start = finding.position - 1
    const masked = finding.masked.replace(/（[^）]*）$/, '')
    let end = start + 1
    while (end < characters.length && maskOf(characters.slice(start, end)) !== masked) end += 1
    characters = [...characters.slice(0, start), ...REMOVED_MARK, ...characters.slice(end)]
    if (!removed.includes(finding.kind)) removed.push(finding.kind)
  }
  // Text that still holds findings after 200 removals is not a parent's comment: keep none of it.
  return { text: REMOVED_MARK, removed: removed.length > 0 ? removed : ['mobile-phone'] }
}
