import { h } from './dom.ts'
import type { FeedItem } from './feedTypes.ts'

/**
 * One item of a list: title link, date, meta line, the organization's note,
 * and in card layout the summary. Text that came from a feed is marked
 * `dir="auto"` so it is isolated from the text around it.
 */
export function itemView(item: FeedItem, href: string, options: { summary: boolean }): HTMLLIElement {
  return h(
    'li',
    { part: options.summary ? 'item card' : 'item' },
    h('a', { class: 't', part: 'link', href, dir: 'auto' }, item.title),
    item.date && h('p', { class: 'date', part: 'date' }, item.date),
    item.meta && h('p', { class: 'meta', part: 'meta' }, item.meta),
    item.note && h('p', { class: 'note', part: 'note', dir: 'auto' }, item.note),
    options.summary && item.summary && h('p', { class: 's', part: 'summary', dir: 'auto' }, item.summary),
  )
}
