import type { ChildNode, Element } from 'domhandler'
import render from 'dom-serializer'
import { parseDocument } from 'htmlparser2'
import * as OpenCC from 'opencc-js/cn2t'
import { jsonForScript } from '../lib/html.ts'

/** The folder the Traditional copy of the site lives in. */
export const TRADITIONAL_PREFIX = '/zh-hant'

export type Convert = (text: string) => string

// Text with no character outside ASCII has nothing to convert; skipping it spares most of a page.
const NON_ASCII = /[\u0080-\uffff]/

// Fixes applied to OpenCC's output. OpenCC leaves 后 alone wherever its phrase list does not decide between 後 (after)
// and 后 (queen), so 聊天后 and 吃点东西后 came out half-converted; on a parenting site 后 means "after" except in
// these words.
const QUEEN_WORDS = ['皇后', '王后', '太后', '后妃', '影后', '歌后', '后羿', '后稷', '后土']
// Its word segmentation sometimes splits a phrase so the Taiwan phrase table misses it (发信息, 网上搜索自杀方式):
// the mainland words issue 14 counted never stay. A 信息 left over is a message (訊息), the sense 資訊 does not cover.
const LEFTOVER_WORDS: [string, string][] = [
  ['視頻', '影片'],
  ['網絡', '網路'],
  ['信息', '訊息'],
  ['屏幕', '螢幕'],
  ['搜索', '搜尋'],
]
const TRADITIONAL_FIXES: [string, string][] = [
  ['后', '後'],
  ...QUEEN_WORDS.map((word): [string, string] => [word, word]),
  ...LEFTOVER_WORDS,
  // Taiwan and Hong Kong both quote with corner brackets.
  ['“', '「'],
  ['”', '」'],
]

// OpenCC's Taiwan phrases include computing terms that misread everyday words: 类型 → 型別 (a data type), 对象 → 物件
// (an object), 循环 → 迴圈 (a loop), 项目 → 專案, 扩展 → 擴充套件, 文件 → 檔案, 发布 → 釋出 (a software release). On a
// parents' site these are never about programming: they are swapped for private-use placeholders, which OpenCC passes
// through untouched, and written back in their ordinary Traditional form.
const EVERYDAY_WORDS: [string, string][] = [
  ['类型', '類型'],
  ['对象', '對象'],
  ['循环', '循環'],
  ['项目', '項目'],
  ['扩展', '擴展'],
  ['文件', '文件'],
  ['发布', '發布'],
]
const PLACEHOLDER = 0xe000
const PRIVATE_USE = /[\ue000-\uf8ff]/
const EVERYDAY_WORD = new RegExp(EVERYDAY_WORDS.map(([simplified]) => simplified).join('|'), 'g')
const PLACEHOLDER_OF = new Map(EVERYDAY_WORDS.map(([simplified], index) => [simplified, String.fromCharCode(PLACEHOLDER + index)]))

/** OpenCC with the everyday words kept out of its reach (text that already holds private-use characters is left as is). */
function keepingEverydayWords(convert: Convert): Convert {
  return (text) => {
    if (PRIVATE_USE.test(text)) return convert(text)
    const guarded = text.replace(EVERYDAY_WORD, (word) => PLACEHOLDER_OF.get(word) ?? word)
    return convert(guarded).replace(/[\ue000-\ue0ff]/g, (placeholder) => EVERYDAY_WORDS[placeholder.charCodeAt(0) - PLACEHOLDER]?.[1] ?? placeholder)
  }
}

/**
 * Simplified → Traditional with Taiwan's phrases (OpenCC's `s2twp`, with its
 * word segmentation: 视频 → 影片, 网络 → 網路, 信息 → 資訊, 屏幕 → 螢幕,
 * 搜索 → 搜尋), without its computing terms, then the fixes above. The cn2t
 * tables are about 1 MB, so they run here at build time and never reach a
 * browser. Each distinct string is converted once per converter: headers,
 * footers, labels and theme names repeat on every page.
 */
export function traditionalConverter(): Convert {
  const s2twp = OpenCC.Converter({ from: 'cn', to: 'twp' })
  const fix = OpenCC.CustomConverter(TRADITIONAL_FIXES)
  const convert = keepingEverydayWords((text) => fix(s2twp(text)))
  const seen = new Map<string, string>()
  return (text) => {
    if (!NON_ASCII.test(text)) return text
    let converted = seen.get(text)
    if (converted === undefined) {
      converted = convert(text)
      seen.set(text, converted)
    }
    return converted
  }
}

let shared: Convert | undefined

/** One converter for the whole build (pages, feeds and the search index share its tables and its cache). */
export function sharedTraditionalConverter(): Convert {
  shared ??= traditionalConverter()
  return shared
}

/** Options for one page's Traditional copy. */
export interface TraditionalOptions {
  /** The routes of the Simplified pages (`/lessons/x/`); links to them gain the /zh-hant prefix. */
  routes: Pick<ReadonlySet<string>, 'has'>
  /** The site's public URL, for absolute links (canonical, og:url, JSON-LD). */
  site: string
  convert: Convert
}

// Attributes holding URLs: never converted as text (a URL is not Chinese prose), only re-pointed.
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'poster', 'srcset'])
// Elements whose text is not shown prose: code and styles stay as they are.
const RAW_TEXT = new Set(['style', 'script'])

function routeOf(url: string): string {
  const end = url.search(/[?#]/)
  return end === -1 ? url : url.slice(0, end)
}

function isElement(node: ChildNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style'
}

/** Re-points the links and converts the text of one page's tree (see toTraditional). */
class PageRewriter {
  private readonly options: TraditionalOptions
  private readonly origin: string
  /** Whether the page asks search engines to skip it (`<meta name="robots" content="noindex…">`). */
  noindex = false

  constructor(options: TraditionalOptions) {
    this.options = options
    this.origin = new URL(options.site).origin
  }

  private isPage(route: string): boolean {
    return this.options.routes.has(routeOf(route))
  }

  /** A site-relative or absolute URL of a Simplified page, moved to its Traditional copy; anything else unchanged. */
  traditionalUrl(url: string): string {
    if (url.startsWith('/') && !url.startsWith('//')) return this.isPage(url) ? `${TRADITIONAL_PREFIX}${url}` : url
    if (url.startsWith(`${this.origin}/`)) {
      const route = url.slice(this.origin.length)
      return this.isPage(route) ? `${this.origin}${TRADITIONAL_PREFIX}${route}` : url
    }
    return url
  }

  private jsonLd(value: unknown, key?: string): unknown {
    if (typeof value === 'string') {
      if (key === 'inLanguage' && value === 'zh-Hans') return 'zh-Hant'
      return this.traditionalUrl(this.options.convert(value))
    }
    if (Array.isArray(value)) return value.map((item) => this.jsonLd(item))
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, this.jsonLd(item, name)]))
    return value
  }

  private script(element: Element): void {
    const text = element.children[0]
    if (text?.type !== 'text') return
    const type = element.attribs.type
    // JSON-LD names the page's URL and language; the search page's labels are plain JSON shown as text.
    if (type === 'application/ld+json') text.data = jsonForScript(this.jsonLd(JSON.parse(text.data)))
    else if (type === 'application/json') text.data = this.options.convert(text.data)
  }

  /** The language switch leads back to the Simplified page, in Simplified. */
  private languageSwitch(element: Element): void {
    const href = element.attribs.href ?? ''
    element.attribs.href = href.startsWith(`${TRADITIONAL_PREFIX}/`) ? href.slice(TRADITIONAL_PREFIX.length) : href
    element.attribs.lang = 'zh-Hans'
    element.attribs.hreflang = 'zh-Hans'
    const text = element.children[0]
    if (text?.type === 'text') text.data = '简体中文'
  }

  private attributes(element: Element): void {
    const { attribs } = element
    // hreflang alternates already name each language's page; they stay as the Simplified page wrote them.
    const isAlternate = element.name === 'link' && attribs.hreflang !== undefined
    for (const [name, value] of Object.entries(attribs)) {
      if (URL_ATTRIBUTES.has(name)) {
        if (!isAlternate) attribs[name] = this.traditionalUrl(value)
      } else attribs[name] = this.traditionalUrl(this.options.convert(value))
    }
    if (element.name === 'html' && attribs.lang === 'zh-Hans') attribs.lang = 'zh-Hant'
    if (element.name === 'meta' && attribs.property === 'og:locale' && attribs.content === 'zh_CN') attribs.content = 'zh_TW'
    if (element.name === 'meta' && attribs.name === 'robots' && attribs.content?.split(',').some((value) => value.trim() === 'noindex')) this.noindex = true
  }

  visit(nodes: ChildNode[]): void {
    for (const node of nodes) {
      if (node.type === 'text') node.data = this.options.convert(node.data)
      else if (isElement(node)) {
        if (node.name === 'a' && node.attribs.class?.split(' ').includes('lang-switch')) {
          this.languageSwitch(node)
          continue
        }
        this.attributes(node)
        if (RAW_TEXT.has(node.name)) {
          if (node.name === 'script') this.script(node)
          continue
        }
        this.visit(node.children)
      }
    }
  }
}

/** One page's Traditional copy, and whether the page keeps out of search engines (and so of the sitemap). */
export interface TraditionalPage {
  html: string
  noindex: boolean
}

/**
 * The Traditional copy of one Simplified page, rewritten through an HTML
 * parser (htmlparser2): text and shown attributes are converted, links to
 * any Simplified page gain the /zh-hant prefix, canonical, og:url and JSON-LD
 * name the Traditional URL, the language switch leads back, and `lang` says
 * zh-Hant. Entities are kept as written, so escaped text stays escaped.
 */
export function traditionalPage(html: string, options: TraditionalOptions): TraditionalPage {
  const document = parseDocument(html, { decodeEntities: false })
  const rewriter = new PageRewriter(options)
  rewriter.visit(document.children)
  return { html: render(document, { decodeEntities: false, encodeEntities: false }), noindex: rewriter.noindex }
}

/** The Traditional copy of one Simplified page as HTML (see traditionalPage). */
export function toTraditional(html: string, options: TraditionalOptions): string {
  return traditionalPage(html, options).html
}
