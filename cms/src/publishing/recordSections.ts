import type { PublicSection } from '@gongyu/contract'

/** A part of a record's page: its key, its heading and its safe HTML. */
export type SectionPart = readonly [key: string, heading: string, html: string]

/** The sections of a record's page in reading order, leaving out the empty ones. */
export function recordSections(...parts: readonly SectionPart[]): PublicSection[] {
  return parts.filter(([, , html]) => html !== '').map(([key, heading, html]) => ({ key, heading, html }))
}
