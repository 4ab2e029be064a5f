/** A level-2 section of a Markdown body: `## heading` and the text under it. */
export interface MarkdownSection {
  heading: string
  text: string
}

const SECTION_HEADING = /^##\s+(.+?)\s*$/

/** Splits a Markdown body at its `## ` headings; text before the first heading is dropped. */
export function splitSections(body: string): MarkdownSection[] {
  const sections: MarkdownSection[] = []
  let current: MarkdownSection | undefined
  for (const line of body.split(/\r?\n/)) {
    const match = SECTION_HEADING.exec(line)
    if (match?.[1]) {
      current = { heading: match[1], text: '' }
      sections.push(current)
    } else if (current) {
      current.text += `${line}\n`
    }
  }
  for (const section of sections) section.text = section.text.trim()
  return sections
}

/** Strips Markdown syntax that is not part of the words: heading marks, list marks, emphasis, quotes. */
export function stripMarkdown(markdown: string): string {
  return markdown
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s*(?:[-*+]|\d+[.)、])\s+/gm, '')
    .replace(/^\s*>\s?/gm, '')
    .replace(/[*_`]/g, '')
}

/** Counts 字 the way Chinese editors do: every non-whitespace character of the text, Markdown syntax removed. */
export function countCharacters(markdown: string): number {
  return stripMarkdown(markdown).replace(/\s+/g, '').length
}

/**
 * Splits text into sentences at Chinese and Western sentence ends and line
 * breaks, so the lint can look for sentences repeated across items.
 */
export function splitSentences(text: string): string[] {
  return stripMarkdown(text)
    .split(/[。！？!?；;\n]+/)
    .map((sentence) => sentence.replace(/\s+/g, '').replace(/^[，,、：:“”"'‘’（）()]+|[，,、：:“”"'‘’（）()]+$/g, ''))
    .filter((sentence) => sentence.length > 0)
}
