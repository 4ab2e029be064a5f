import { splitSections, stripMarkdown } from '../content/markdown.ts'

/** Rebuilds Markdown from some of a body's `## ` sections, keeping their headings. */
export function sectionsAsMarkdown(body: string, headings: readonly string[]): string {
  return splitSections(body)
    .filter((section) => headings.includes(section.heading))
    .map((section) => `## ${section.heading}\n\n${section.text}`)
    .join('\n\n')
}

/** The text under one `## ` heading, or an empty string. */
export function sectionText(body: string, heading: string): string {
  return splitSections(body).find((section) => section.heading === heading)?.text ?? ''
}

/**
 * Splits a practice-activity section into its name and instructions: the
 * first line, in bold, names the activity (**告别小仪式**).
 */
export function splitPracticeActivity(markdown: string): { title: string; instructions: string } {
  const lines = markdown.split(/\r?\n/)
  const firstLine = lines.findIndex((line) => line.trim() !== '')
  const title = stripMarkdown(lines[firstLine] ?? '').trim()
  return {
    title,
    instructions: lines
      .slice(firstLine + 1)
      .join('\n')
      .trim(),
  }
}

/** Markdown reduced to plain paragraphs, for plain-text fields such as transcripts. */
export function plainText(markdown: string): string {
  return stripMarkdown(markdown)
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
