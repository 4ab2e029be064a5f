/** The benchmark sections, in the order `npm run bench` runs them. */
export const SECTION_NAMES = ['search', 'cms', 'site', 'lighthouse', 'widgets', 'video', 'load', 'surveys'] as const

export type SectionName = (typeof SECTION_NAMES)[number]

/** Sections that read the starter bank seeded and exported once per run (starterBank.ts). */
export const SECTIONS_USING_BANK: readonly SectionName[] = ['search', 'cms', 'site', 'lighthouse', 'widgets', 'load']
