import { EXPERIMENTAL_TableFeature, lexicalEditor } from '@payloadcms/richtext-lexical'

/**
 * The one rich-text editor of every field: Payload's default features plus
 * tables, which the handouts' record sheets need (issue 14). The seed reads
 * the same config, so Markdown tables arrive as Lexical tables, not as text.
 */
export const richTextEditor = lexicalEditor({
  features: ({ defaultFeatures }) => [...defaultFeatures, EXPERIMENTAL_TableFeature()],
})
