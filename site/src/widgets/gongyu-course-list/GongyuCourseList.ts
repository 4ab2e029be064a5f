import type { ListKind } from '../shared/feedTypes.ts'
import { fetchJson, readListFeed } from '../shared/feedClient.ts'
import { GongyuElement, positiveNumber, type IsCurrent } from '../shared/GongyuElement.ts'
import { h, heading } from '../shared/dom.ts'
import { itemView } from '../shared/itemView.ts'
import { isSlug, siteUrls } from '../shared/siteUrls.ts'
import { say } from '../shared/strings.ts'

/** How the items are laid out. */
export type CourseListLayout = 'list' | 'cards'

/**
 * `<gongyu-course-list>`: an organization's published course list (`list`),
 * or the lessons of a grade (`grade`) or theme (`theme`), read from the
 * site's static feeds. `count` limits the items shown, `layout` chooses a
 * list or cards.
 */
export class GongyuCourseList extends GongyuElement {
  static get observedAttributes(): string[] {
    return [...GongyuElement.commonAttributes, 'list', 'grade', 'theme', 'count', 'layout', 'heading-level']
  }

  /** Slug of an organization's course list, e.g. `list-urban-kindergarten-year`. */
  get list(): string {
    return this.getAttribute('list') ?? ''
  }

  set list(value: string) {
    this.setAttribute('list', value)
  }

  /** Grade code, e.g. `p3` (三年级) or `k1` (幼儿园小班). */
  get grade(): string {
    return this.getAttribute('grade') ?? ''
  }

  set grade(value: string) {
    this.setAttribute('grade', value)
  }

  /** Theme slug. */
  get theme(): string {
    return this.getAttribute('theme') ?? ''
  }

  set theme(value: string) {
    this.setAttribute('theme', value)
  }

  /** Most items to show; 0 (the default) shows them all. */
  get count(): number {
    return positiveNumber(this.getAttribute('count'), 0)
  }

  set count(value: number) {
    this.setAttribute('count', String(value))
  }

  get layout(): CourseListLayout {
    return this.getAttribute('layout') === 'cards' ? 'cards' : 'list'
  }

  set layout(value: CourseListLayout) {
    this.setAttribute('layout', value)
  }

  /** Level of the list's heading (2–6, default 2), to fit the host page's outline. */
  get headingLevel(): number {
    return positiveNumber(this.getAttribute('heading-level'), 2, 6)
  }

  set headingLevel(value: number) {
    this.setAttribute('heading-level', String(value))
  }

  /** The feed to show: `list` first, then `grade`, then `theme`; null when none is a valid slug. */
  private source(): { kind: ListKind; slug: string } | null {
    if (isSlug(this.list)) return { kind: 'course-list', slug: this.list }
    if (isSlug(this.grade)) return { kind: 'grade', slug: this.grade }
    if (isSlug(this.theme)) return { kind: 'theme', slug: this.theme }
    return null
  }

  protected pageUrl(base: URL): string {
    const source = this.source()
    return source ? siteUrls.list(base, this.script, source.kind, source.slug) : base.href
  }

  protected async render(isCurrent: IsCurrent): Promise<void> {
    const source = this.source()
    if (!source) throw new Error('请给 <gongyu-course-list> 设置 list、grade 或 theme 属性')
    const base = this.base
    if (!base) throw new Error('不知道共育网站的地址，请设置 site 属性')
    const script = this.script
    this.show(this.status(say(script, 'loading')))
    const feed = readListFeed(await fetchJson(siteUrls.listFeed(base, script, source.kind, source.slug)))
    if (!isCurrent()) return
    const cards = this.layout === 'cards'
    const shown = this.count ? feed.items.slice(0, this.count) : feed.items
    const more = source.kind === 'course-list' ? say(script, 'moreList', { n: feed.items.length }) : say(script, 'moreLessons', { n: feed.items.length })
    this.show(
      h(
        'section',
        { class: cards ? 'cards' : 'list', 'aria-labelledby': 'h' },
        heading(this.headingLevel, { id: 'h', class: 'h', part: 'heading', dir: 'auto' }, feed.title),
        feed.by && h('p', { class: 'by', part: 'by', dir: 'auto' }, feed.by),
        feed.description && cards ? h('p', { class: 'd', part: 'description', dir: 'auto' }, feed.description) : null,
        shown.length > 0
          ? h(
              'ol',
              { part: 'list', role: 'list' },
              ...shown.map((item) => itemView(item, siteUrls.item(base, script, item.type, item.slug), { summary: cards })),
            )
          : this.status(say(script, 'empty')),
        h('a', { class: 'more', part: 'more', href: this.pageUrl(base) }, more),
      ),
    )
    this.rendered(shown.length)
  }
}
