import type { SearchEntry } from '../shared/feedTypes.ts'
import { fetchJson, readSearchFeed } from '../shared/feedClient.ts'
import { GongyuElement, positiveNumber } from '../shared/GongyuElement.ts'
import { h } from '../shared/dom.ts'
import { itemView } from '../shared/itemView.ts'
import { httpBase, siteUrls } from '../shared/siteUrls.ts'
import { say } from '../shared/strings.ts'
import { matchTitles } from './matchTitles.ts'
import { searchMeilisearch, type MeilisearchTarget } from './searchMeilisearch.ts'

/** `site` opens results on the Gongyu site; `inline` lists them under the box. */
export type SearchMode = 'site' | 'inline'

const TYPING_PAUSE_MS = 250

/**
 * `<gongyu-search-box>`: a search form. By default it opens the Gongyu
 * site's search page (`/search/?q=…`, the full engine). `mode="inline"`
 * lists matching titles under the box from the static search feed, or from
 * Meilisearch when `meili-host` and `meili-key` are given.
 */
export class GongyuSearchBox extends GongyuElement {
  static get observedAttributes(): string[] {
    return [...GongyuElement.commonAttributes, 'mode', 'count', 'placeholder', 'meili-host', 'meili-key', 'meili-index']
  }

  private input: HTMLInputElement | undefined
  private results: HTMLElement | undefined
  private timer: ReturnType<typeof setTimeout> | undefined
  private searches = 0

  get mode(): SearchMode {
    return this.getAttribute('mode') === 'inline' ? 'inline' : 'site'
  }

  set mode(value: SearchMode) {
    this.setAttribute('mode', value)
  }

  /** Most inline results to list (default 8). */
  get count(): number {
    return positiveNumber(this.getAttribute('count'), 8, 50)
  }

  set count(value: number) {
    this.setAttribute('count', String(value))
  }

  /** Example text in the empty box. */
  get placeholder(): string {
    return this.getAttribute('placeholder') ?? ''
  }

  set placeholder(value: string) {
    this.setAttribute('placeholder', value)
  }

  /** Meilisearch for inline results, when host and search-only key are both set. */
  private get meilisearch(): MeilisearchTarget | null {
    const host = httpBase(this.getAttribute('meili-host'))
    const key = this.getAttribute('meili-key')
    return host && key ? { host, key, index: this.getAttribute('meili-index') || 'gongyu-public' } : null
  }

  protected pageUrl(base: URL): string {
    return siteUrls.search(base, this.script, this.input?.value.trim() ?? '')
  }

  protected render(): void {
    const base = this.base
    if (!base) throw new Error('不知道共育网站的地址，请设置 site 属性')
    const script = this.script
    const previous = this.input?.value ?? ''
    const input = h('input', {
      id: 'q',
      type: 'search',
      name: 'q',
      part: 'input',
      autocomplete: 'off',
      enterkeyhint: 'search',
      placeholder: this.placeholder || say(script, 'searchPlaceholder'),
    })
    input.value = previous
    this.input = input
    const form = h(
      'form',
      { role: 'search', part: 'form' },
      h('label', { for: 'q', part: 'label' }, say(script, 'searchLabel')),
      input,
      h('button', { type: 'submit', part: 'button' }, say(script, 'searchButton')),
    )
    // A script-driven GET instead of a form submission, so a host's CSP form-action never blocks it.
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      const query = input.value.trim()
      if (this.mode === 'inline') void this.searchInline(base, query)
      else if (query) window.location.assign(siteUrls.search(base, this.script, query))
    })
    this.results = undefined
    if (this.mode === 'inline') {
      this.results = h('div', { part: 'results' })
      input.addEventListener('input', () => {
        clearTimeout(this.timer)
        this.timer = setTimeout(() => void this.searchInline(base, input.value.trim()), TYPING_PAUSE_MS)
      })
    }
    this.show(form, ...(this.results ? [this.results] : []))
    this.rendered(0)
  }

  private async searchInline(base: URL, query: string): Promise<void> {
    clearTimeout(this.timer)
    const results = this.results
    if (!results) return
    const search = ++this.searches
    if (!query) {
      results.textContent = ''
      return
    }
    const script = this.script
    let entries: SearchEntry[] | null
    try {
      entries = await this.find(base, query)
    } catch (error) {
      // The link to the site's own search below still works; say why this box could not answer.
      console.warn('[共育挂件]', error)
      entries = null
    }
    if (search !== this.searches || results !== this.results) return
    const onSite = h('a', { class: 'more', part: 'more', href: siteUrls.search(base, script, query) }, say(script, 'searchOnSite', { q: query }))
    results.textContent = ''
    if (!entries) {
      results.append(this.status(say(script, 'failed')), onSite)
      return
    }
    results.append(this.status(entries.length > 0 ? say(script, 'searchFound', { n: entries.length }) : say(script, 'searchNone')))
    if (entries.length > 0) {
      results.append(
        h(
          'ol',
          { part: 'list', role: 'list' },
          ...entries.map(([type, slug, title, meta]) =>
            itemView({ type, slug, title, meta, summary: '' }, siteUrls.item(base, script, type, slug), { summary: false }),
          ),
        ),
      )
    }
    results.append(onSite)
    this.rendered(entries.length)
  }

  /** Meilisearch when configured (falling back to the feed if it fails), else titles from the static feed. */
  private async find(base: URL, query: string): Promise<SearchEntry[]> {
    const meilisearch = this.meilisearch
    if (meilisearch) {
      try {
        return await searchMeilisearch(meilisearch, query, this.count, this.script)
      } catch (error) {
        console.warn('[共育挂件] Meilisearch 不可用，改用静态数据搜索标题', error)
      }
    }
    const feed = readSearchFeed(await fetchJson(siteUrls.searchFeed(base, this.script)))
    return matchTitles(feed.items, query, this.count)
  }
}
