/** An upload node of a Lexical document: `{ type: 'upload', relationTo, value }`. */
export type LexicalUploadNode = { type?: unknown; relationTo?: unknown; value?: unknown; children?: unknown }

/** Every upload node of a Lexical value, depth first. */
export function uploadNodesOf(value: unknown): LexicalUploadNode[] {
  const found: LexicalUploadNode[] = []
  const visit = (nodes: unknown): void => {
    if (!Array.isArray(nodes)) return
    for (const node of nodes) {
      if (!node || typeof node !== 'object') continue
      if ((node as LexicalUploadNode).type === 'upload') found.push(node as LexicalUploadNode)
      visit((node as LexicalUploadNode).children)
    }
  }
  if (value && typeof value === 'object' && 'root' in value) visit((value as { root?: LexicalUploadNode }).root?.children)
  return found
}
