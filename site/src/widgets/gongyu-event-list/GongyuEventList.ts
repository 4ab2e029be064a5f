import { fetchJson, readEventFeed } from '../shared/feedClient.ts'
import { GongyuElement, positiveNumber, type IsCurrent } from '../shared/GongyuElement.ts'
import { h, heading } from '../shared/dom.ts'
import { itemView } from '../shared/itemView.ts'
import { isSlug, siteUrls } from '../shared/siteUrls.ts'
import { say } from '../shared/strings.ts'

/**
 * `<gongyu-event-list>`: the coming lectures, parent-school sessions and
 * workshops (活动日历), from the site's static events feed, optionally only
 * one organization's (`organization`) or one grade's (`grade`). `count`
 * limits the events shown (default 5).
 */
export class GongyuEventList extends GongyuElement {
  static get observedAttributes(): string[] {
    return [...GongyuElement.commonAttributes, 'organization', 'grade', 'count', 'heading-level']
  }

  /** Slug of the host organization, e.g. `org-rural-parent-school`. */
  get organization(): string {
    return this.getAttribute('organization') ?? ''
  }

  set organization(value: string) {
    this.setAttribute('organization', value)
  }

  /** Grade code, e.g. `p3` (三年级). */
  get grade(): string {
    return this.getAttribute('grade') ?? ''
  }

  set grade(value: string) {
    this.setAttribute('grade', value)
  }

  /** Most events to show (default 5). */
  get count(): number {
    return positiveNumber(this.getAttribute('count'), 5)
  }

  set count(value: number) {
    this.setAttribute('count', String(value))
  }

  /** Level of the list's heading (2–6, default 2), to fit the host page's outline. */
  get headingLevel(): number {
    return positiveNumber(this.getAttribute('heading-level'), 2, 6)
  }

  set headingLevel(value: number) {
    this.setAttribute('heading-level', String(value))
  }

  protected pageUrl(base: URL): string {
    return siteUrls.events(base, this.script)
  }

  protected async render(isCurrent: IsCurrent): Promise<void> {
    const base = this.base
    if (!base) throw new Error('不知道共育网站的地址，请设置 site 属性')
    const script = this.script
    this.show(this.status(say(script, 'loading')))
    const feed = readEventFeed(await fetchJson(siteUrls.eventsFeed(base, script)))
    if (!isCurrent()) return
    const organization = isSlug(this.organization) ? this.organization : ''
    const grade = isSlug(this.grade) ? this.grade : ''
    const shown = feed.items
      .filter((item) => (!organization || item.organization === organization) && (!grade || item.grades.includes(grade)))
      .slice(0, this.count)
    this.show(
      h(
        'section',
        { class: 'list', 'aria-labelledby': 'h' },
        heading(this.headingLevel, { id: 'h', class: 'h', part: 'heading' }, say(script, 'events')),
        shown.length > 0
          ? h('ol', { part: 'list', role: 'list' }, ...shown.map((item) => itemView(item, siteUrls.item(base, script, 'event', item.slug), { summary: false })))
          : this.status(say(script, 'noEvents')),
        h('a', { class: 'more', part: 'more', href: this.pageUrl(base) }, say(script, 'moreEvents')),
      ),
    )
    this.rendered(shown.length)
  }
}
