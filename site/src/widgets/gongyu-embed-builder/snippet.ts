import type { ListKind } from '../shared/feedTypes.ts'
import type { Script } from '../shared/siteUrls.ts'
import { escapeHtml } from '@gongyu/contract'

/** What a school chose in the builder. */
export interface EmbedChoice {
  /** What to show: a list feed (course list, grade, theme), one lesson card, or the search box. */
  what: ListKind | 'lesson' | 'search'
  /** Slug of the list, grade code, theme slug, or `type:slug` of the lesson; unused for search. */
  slug: string
  /** The text of the light-DOM fallback link (the list's title…), shown when JavaScript is off. */
  title: string
  variant: 'script' | 'iframe'
  layout: 'list' | 'cards'
  /** 0 shows every item. */
  count: number
  script: Script
  searchMode: 'site' | 'inline'
}

/** Where the snippet points: the Gongyu site root, the versioned script, and Meilisearch when the build had a search-only key. */
export interface EmbedContext {
  site: string
  widgets: { path: string; integrity: string }
  meilisearch?: { host: string; key: string; index: string }
}

/** An element of the snippet, as data: serialized for copying, or created for the preview. */
export interface SnippetNode {
  tag: string
  attributes: [string, string][]
  text?: string
  children?: SnippetNode[]
}

const PAGE_SECTION: Record<ListKind, string> = { 'course-list': 'course-lists', grade: 'grades', theme: 'themes' }

/** True when the choice can be shown as an iframe (the embed pages exist for lists only). */
export function canUseIframe(choice: Pick<EmbedChoice, 'what'>): boolean {
  return choice.what === 'course-list' || choice.what === 'grade' || choice.what === 'theme'
}

function siteUrl(context: EmbedContext, choice: EmbedChoice, rest: string): string {
  return new URL(`${choice.script === 'hant' ? 'zh-hant/' : ''}${rest}`, context.site).href
}

function scriptTag(context: EmbedContext): SnippetNode {
  return {
    tag: 'script',
    attributes: [
      ['src', new URL(context.widgets.path, context.site).href],
      ['integrity', context.widgets.integrity],
      ['crossorigin', 'anonymous'],
      ['defer', ''],
    ],
  }
}

function link(href: string, text: string): SnippetNode {
  return { tag: 'a', attributes: [['href', href]], text }
}

/** The snippet's elements for a choice: the widget (or iframe) with its fallback link, then the script tag. */
export function snippetNodes(choice: EmbedChoice, context: EmbedContext): SnippetNode[] {
  const common: [string, string][] = [['script', choice.script]]
  if (choice.what === 'search') {
    const meili = choice.searchMode === 'inline' && context.meilisearch
    const attributes: [string, string][] = [['mode', choice.searchMode], ...common]
    if (meili) attributes.push(['meili-host', meili.host], ['meili-key', meili.key], ['meili-index', meili.index])
    return [{ tag: 'gongyu-search-box', attributes, children: [link(siteUrl(context, choice, 'search/'), choice.title)] }, scriptTag(context)]
  }
  if (choice.what === 'lesson') {
    const [type = 'lesson', slug = ''] = choice.slug.split(':')
    const section = type === 'micro-lesson' ? 'micro-lessons' : 'lessons'
    return [
      {
        tag: 'gongyu-lesson-card',
        attributes: [['lesson', slug], ['type', type], ...common],
        children: [link(siteUrl(context, choice, `${section}/${slug}/`), choice.title)],
      },
      scriptTag(context),
    ]
  }
  const page = siteUrl(context, choice, `${PAGE_SECTION[choice.what]}/${choice.slug}/`)
  if (choice.variant === 'iframe') {
    const frame = new URL(siteUrl(context, choice, `embed/${PAGE_SECTION[choice.what]}/${choice.slug}/`))
    if (choice.count > 0) frame.searchParams.set('count', String(choice.count))
    if (choice.layout === 'cards') frame.searchParams.set('layout', 'cards')
    const attributes: [string, string][] = [
      ['src', frame.href],
      ['title', choice.title],
      ['width', '100%'],
      ['height', '600'],
      ['loading', 'lazy'],
      ['data-gongyu-embed', ''],
    ]
    return [{ tag: 'iframe', attributes, children: [link(page, choice.title)] }, scriptTag(context)]
  }
  const attributes: [string, string][] = [[choice.what === 'course-list' ? 'list' : choice.what, choice.slug], ['layout', choice.layout], ...common]
  if (choice.count > 0) attributes.push(['count', String(choice.count)])
  return [{ tag: 'gongyu-course-list', attributes, children: [link(page, choice.title)] }, scriptTag(context)]
}

function serialize(node: SnippetNode, indent = ''): string {
  const attributes = node.attributes.map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`)).join('')
  const open = `${indent}<${node.tag}${attributes}>`
  if (node.children?.length) return `${open}\n${node.children.map((child) => serialize(child, `${indent}  `)).join('\n')}\n${indent}</${node.tag}>`
  return `${open}${escapeHtml(node.text ?? '')}</${node.tag}>`
}

/** The HTML a school pastes into its page; every value is escaped. */
export function widgetSnippet(choice: EmbedChoice, context: EmbedContext): string {
  return snippetNodes(choice, context)
    .map((node) => serialize(node))
    .join('\n')
}

/** The directives the school's Content-Security-Policy needs for this snippet, one per line. */
export function hostCsp(choice: EmbedChoice, context: EmbedContext): string[] {
  const origin = new URL(context.site).origin
  const lines = [`script-src ${origin}`]
  if (choice.variant === 'iframe' && canUseIframe(choice)) return [`frame-src ${origin}`, ...lines]
  // The site-mode search box only navigates; everything else fetches feeds (or asks Meilisearch).
  if (choice.what === 'search' && choice.searchMode === 'site') return lines
  const meili = choice.what === 'search' && context.meilisearch ? ` ${new URL(context.meilisearch.host).origin}` : ''
  return [...lines, `connect-src ${origin}${meili}`]
}
