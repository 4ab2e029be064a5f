import sanitizeHtml from 'sanitize-html'

/**
 * Whether a URL may stand in a published `href` or `src`: absolute http(s),
 * a site-relative path or a fragment. Everything else (javascript:, data:,
 * vbscript:, protocol-relative `//host`, `/\host`, bare relative paths) is
 * dropped. Runs on the parsed attribute value, after entities are decoded.
 */
export function isPublicUrl(value: string): boolean {
  const url = value.trim()
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a URL with control characters is refused
  if (/^https?:\/\/[^\s]/i.test(url)) return !/[\u0000-\u001f\u007f\s]/.test(url)
  if (url.startsWith('#')) return true
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a URL with control characters is refused
  return url.startsWith('/') && !/^\/[/\\]/.test(url) && !/[\u0000-\u001f\u007f]/.test(url)
}

type Attributes = Record<string, string>

const CELL_SCOPES = new Set(['col', 'row', 'colgroup', 'rowgroup'])

/** Keeps `colspan`/`rowspan` only as whole numbers from 1 to 100 (a stored `9999` would stretch a printed sheet) and `scope` only as a known keyword. */
function checkCell(tagName: string, attribs: Attributes) {
  const attributes = { ...attribs }
  if (attributes.scope !== undefined && !CELL_SCOPES.has(attributes.scope)) delete attributes.scope
  for (const name of ['colspan', 'rowspan']) {
    const value = attributes[name]
    if (value !== undefined && !(/^\d{1,3}$/.test(value.trim()) && Number(value) >= 1 && Number(value) <= 100)) delete attributes[name]
  }
  return { tagName, attribs: attributes }
}

/** Drops an unsafe URL attribute; links that open a new tab get `rel` so the page cannot be reached back. */
function checkUrl(attribute: 'href' | 'src') {
  return (tagName: string, attribs: Attributes) => {
    const attributes = { ...attribs }
    const url = attributes[attribute]
    if (url !== undefined && !isPublicUrl(url)) delete attributes[attribute]
    if (tagName === 'a') {
      if (attributes.target !== undefined && attributes.target !== '_blank') delete attributes.target
      if (attributes.target === '_blank') attributes.rel = 'noopener noreferrer'
    }
    return { tagName, attribs: attributes }
  }
}

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'code',
    'sub',
    'sup',
    'span',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'ul',
    'ol',
    'li',
    'blockquote',
    'a',
    'hr',
    'img',
    'div',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'rel', 'target'],
    img: ['src', 'alt', 'width', 'height', 'loading'],
    ol: ['start'],
    li: ['value'],
    // Header cells name what they head; checkCell keeps only known scopes and small whole-number spans.
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    '*': ['class', 'style'],
  },
  // The converters' own classes (lists, tables) and inline layout; nothing that can load or position content.
  allowedClasses: {
    '*': [
      'list-bullet',
      'list-number',
      'list-check',
      'nestedListItem',
      'list-item-checkbox',
      'list-item-checkbox-checked',
      'list-item-checkbox-unchecked',
      'lexical-table',
      'lexical-table-*',
    ],
  },
  allowedStyles: {
    '*': {
      'text-align': [/^(left|right|center|justify|start|end)$/],
      'padding-inline-start': [/^\d{1,4}px$/],
      'text-decoration': [/^(underline|line-through)$/],
      'list-style-type': [/^none$/],
    },
  },
  allowedSchemes: ['http', 'https'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Text of dropped script-like elements is thrown away, not shown.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'template', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext'],
  transformTags: { a: checkUrl('href'), img: checkUrl('src'), th: checkCell, td: checkCell },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
}

/**
 * The one gate between content and published HTML: an allow-list of tags,
 * attributes, classes and styles, and only http(s), site-relative or
 * fragment URLs in `href` and `src`. Both the CMS export and the site run
 * section HTML through it, so neither a converter bug nor a hand-edited
 * export can put script on a page.
 */
export function sanitizeSectionHtml(html: string): string {
  return sanitizeHtml(html, options)
}
