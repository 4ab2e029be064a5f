interface LexicalNode {
  type?: unknown
  text?: unknown
  children?: unknown
  fields?: unknown
  value?: unknown
  url?: unknown
}

// Nodes whose text reads as its own line, so words of two paragraphs do not run together.
const BLOCK_NODES = new Set(['paragraph', 'heading', 'quote', 'listitem', 'list', 'table', 'tablerow', 'tablecell', 'upload', 'block', 'horizontalrule'])

function decodedUrl(url: string): string {
  // Percent-encoding hides digits (tel:%2B86…); a malformed escape is shown as written, which is what a visitor would see.
  try {
    return decodeURIComponent(url)
  } catch (error) {
    if (error instanceof URIError) return url
    throw error
  }
}

/** Every string inside a node's `fields` or a hand-made upload `value`: URLs, captions, alt texts, nested rich text. */
function stringsIn(value: unknown, depth = 0): string[] {
  if (depth > 8 || value === null || value === undefined) return []
  if (typeof value === 'string') return [/^[a-z][a-z0-9+.-]*:/i.test(value) ? decodedUrl(value) : value]
  if (Array.isArray(value)) return value.flatMap((entry) => stringsIn(entry, depth + 1))
  if (typeof value === 'object') {
    if ('root' in value) return [publishableTextOf(value)]
    return Object.values(value).flatMap((entry) => stringsIn(entry, depth + 1))
  }
  return []
}

function nodeText(node: LexicalNode): string {
  const own = typeof node.text === 'string' ? node.text : node.type === 'linebreak' ? '\n' : node.type === 'tab' ? '\t' : ''
  const children = Array.isArray(node.children) ? (node.children as LexicalNode[]).map(nodeText).join('') : ''
  const extras = [
    ...stringsIn(node.fields),
    ...(typeof node.url === 'string' ? [decodedUrl(node.url)] : []),
    // A real upload node names its media by id; a hand-made one carries an object whose strings a converter may print.
    ...(node.type === 'upload' && node.value && typeof node.value === 'object' ? stringsIn(node.value) : []),
  ]
  const text = [own + children, ...extras].filter(Boolean).join('\n')
  return typeof node.type === 'string' && BLOCK_NODES.has(node.type) ? `${text}\n` : text
}

/**
 * All the text of a field value that can reach a reader: a plain string, or
 * for rich text (Lexical) the text nodes plus what the plain-text converter
 * leaves out — link URLs (tel:, sms:), upload and block node fields (captions,
 * alt texts) and strings inside hand-made upload values.
 */
export function publishableTextOf(value: unknown): string {
  if (typeof value === 'string') return value
  if (value && typeof value === 'object' && 'root' in value) return nodeText((value as { root: LexicalNode }).root).trim()
  return ''
}
