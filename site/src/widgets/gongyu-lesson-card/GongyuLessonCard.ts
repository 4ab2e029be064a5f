import { fetchJson, readCardFeed } from '../shared/feedClient.ts'
import { GongyuElement, positiveNumber, type IsCurrent } from '../shared/GongyuElement.ts'
import { h, heading } from '../shared/dom.ts'
import { isSlug, siteUrls } from '../shared/siteUrls.ts'
import { say } from '../shared/strings.ts'

/** What a card can show. */
export type CardType = 'lesson' | 'micro-lesson'

/** `<gongyu-lesson-card>`: one lesson (or micro-lesson) with its summary, linking to its page on Gongyu. */
export class GongyuLessonCard extends GongyuElement {
  static get observedAttributes(): string[] {
    return [...GongyuElement.commonAttributes, 'lesson', 'type', 'heading-level']
  }

  /** Slug of the lesson, e.g. `p3-05-games-and-phone`. */
  get lesson(): string {
    return this.getAttribute('lesson') ?? ''
  }

  set lesson(value: string) {
    this.setAttribute('lesson', value)
  }

  /** `lesson` (the default) or `micro-lesson`. */
  get type(): CardType {
    return this.getAttribute('type') === 'micro-lesson' ? 'micro-lesson' : 'lesson'
  }

  set type(value: CardType) {
    this.setAttribute('type', value)
  }

  /** Level of the card's heading (2–6, default 3). */
  get headingLevel(): number {
    return positiveNumber(this.getAttribute('heading-level'), 3, 6)
  }

  set headingLevel(value: number) {
    this.setAttribute('heading-level', String(value))
  }

  protected pageUrl(base: URL): string {
    return isSlug(this.lesson) ? siteUrls.item(base, this.script, this.type, this.lesson) : base.href
  }

  protected async render(isCurrent: IsCurrent): Promise<void> {
    if (!isSlug(this.lesson)) throw new Error('请给 <gongyu-lesson-card> 设置 lesson 属性（课程的网址标识）')
    const base = this.base
    if (!base) throw new Error('不知道共育网站的地址，请设置 site 属性')
    const script = this.script
    this.show(this.status(say(script, 'loading')))
    const { item } = readCardFeed(await fetchJson(siteUrls.cardFeed(base, script, this.type, this.lesson)))
    if (!isCurrent()) return
    this.show(
      h(
        'article',
        { class: 'card', part: 'card', 'aria-labelledby': 'h' },
        heading(
          this.headingLevel,
          { id: 'h', class: 'h', part: 'heading' },
          h('a', { class: 't', part: 'link', href: siteUrls.item(base, script, item.type, item.slug), dir: 'auto' }, item.title),
        ),
        item.meta && h('p', { class: 'meta', part: 'meta' }, item.meta),
        item.summary && h('p', { class: 's', part: 'summary', dir: 'auto' }, item.summary),
      ),
    )
    this.rendered(1)
  }
}
