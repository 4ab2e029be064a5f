import type { SearchHit, SearchResponse } from '@gongyu/search'
import { takeZeroResultCount } from '../../lib/needs/zeroResultBudget.ts'
import { readPageData } from '../../lib/pageText.ts'
import { scrubQuery } from '../../lib/needs/scrubQuery.ts'
import { sendNeedSignal, tellUsPanel, type AreaChoice, type TellUsLabels } from './needSignal.ts'

/** UI text and code labels, rendered into the page as JSON so the Traditional build converts them with the page. */
export interface SearchLabels {
  ui: Record<
    'loading' | 'loadFailed' | 'partFailed' | 'empty' | 'found' | 'previous' | 'next' | 'pageOf' | 'clear' | 'tryBrowse' | 'filters' | 'chosen',
    string
  >
  facets: Record<'type' | 'stage' | 'grade' | 'theme', { title: string; labels: Record<string, string> }>
  /** 没找到？告诉我们 (issue 17), offered when the build knows the CMS (`needs-endpoint`). */
  tellUs: TellUsLabels
  areas: AreaChoice[]
}

/** A static-index answer may carry notices: a part of the index that did not load (the rest of the answer stands). */
type Answer = SearchResponse & { notices?: string[] }
type Engine = { search(input: Record<string, string | undefined>): Answer | Promise<Answer> }
type Facet = 'type' | 'stage' | 'grade' | 'theme'
const FACETS = ['type', 'stage', 'grade', 'theme'] as const satisfies readonly Facet[]
/** Filter groups as shown: grade first (what parents pick most). 学段 is shown only when a link chose it, since a grade says more. */
const SHOWN_FACETS = ['grade', 'type', 'theme', 'stage'] as const satisfies readonly Facet[]
/** Facets whose values have a teaching or vocabulary order (their labels are listed in it); themes go by count. */
const ORDERED_FACETS: readonly Facet[] = ['grade', 'stage', 'type']
const MAX_THEMES = 12
const PARAMS = ['q', ...FACETS, 'page'] as const
/** Fewer results than this are poor: 没找到？告诉我们 is offered under them. */
const POOR_RESULTS = 3

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value)
  if (text !== undefined) node.textContent = text
  return node
}

/**
 * Lets the browser take input and paint between the search's steps (opening the index, searching, drawing the
 * results), so they run as shorter tasks instead of one long one (issue 15: blocking time on a slow phone).
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/**
 * A result's link. On the site, `/zh-hant` plus the record's URL; in an
 * offline pack (served from any folder, or opened from file://, where `/`
 * is the disk and folders do not open their index.html) a path relative to
 * this page, which sits at `search/` or `zh-hant/search/` under the root.
 */
function hrefOf(url: string): string {
  const prefix = document.documentElement.lang === 'zh-Hant' ? '/zh-hant' : ''
  if (location.protocol !== 'file:' && location.pathname.startsWith(`${prefix}/search/`)) return `${prefix}${url}`
  const relative = `${prefix ? '../../' : '../'}${`${prefix}${url}`.slice(1)}`
  return location.protocol === 'file:' && relative.endsWith('/') ? `${relative}index.html` : relative
}

/**
 * `<gongyu-search>`: search on the site's search page. It loads the engine
 * only when it is needed (a query in the URL, or the search box gets focus):
 * the static index by default, or Meilisearch with a search-only key when the
 * build was given one. Results use the engine's HTML-safe highlights.
 */
export class GongyuSearchElement extends HTMLElement {
  private engine: Promise<Engine> | undefined
  private labels!: SearchLabels
  private results!: HTMLElement
  private status!: HTMLElement
  private form: HTMLFormElement | null = null
  /** Whether the 筛选 panel is open, kept across re-renders so a chosen filter stays in view. */
  private filtersOpen = false
  /** Queries already counted as finding nothing on this page, so turning pages or filters never counts one twice. */
  private readonly countedQueries = new Set<string>()

  connectedCallback(): void {
    if (this.results) return
    this.labels = readPageData<SearchLabels>(this)
    const input = document.querySelector<HTMLInputElement>(this.getAttribute('input-selector') ?? 'input[name="q"]')
    this.form = input?.form ?? null
    // tabindex -1: after turning a page, focus moves here, to the top of the new results.
    this.status = element('p', { class: 'search-status', role: 'status', 'aria-live': 'polite', tabindex: '-1' })
    this.results = element('div', { class: 'search-results' })
    this.querySelector('.search-fallback')?.setAttribute('hidden', '')
    this.append(this.status, this.results)
    const params = new URLSearchParams(location.search)
    if (input) input.value = params.get('q') ?? ''
    input?.addEventListener('focus', () => void this.loadEngine().catch(() => undefined), { once: true })
    this.form?.addEventListener('submit', (event) => {
      event.preventDefault()
      const next = new URLSearchParams(location.search)
      next.set('q', input?.value.trim() ?? '')
      next.delete('page')
      void this.run(next)
    })
    if (PARAMS.some((name) => params.get(name))) void this.run(params)
  }

  private loadEngine(): Promise<Engine> {
    const host = this.getAttribute('meili-host')
    const searchKey = this.getAttribute('meili-search-key')
    this.engine ??=
      host && searchKey
        ? import('@gongyu/search/browser').then(({ createMeiliBrowserSearch }) =>
            createMeiliBrowserSearch({ host, searchKey, indexUid: this.getAttribute('meili-index') ?? 'gongyu-public' }),
          )
        : this.loadStaticEngine()
    this.engine.catch(() => {
      this.engine = undefined
    })
    return this.engine
  }

  private loadStaticEngine(): Promise<Engine> {
    const indexUrl = new URL(this.getAttribute('index-url') ?? '../search-index/', location.href).href
    // The index's manifest downloads while the engine's code does, not after it (one round trip less on a slow phone).
    document.head.append(element('link', { rel: 'preload', as: 'script', href: new URL('manifest.js', indexUrl).href }))
    return import('@gongyu/search/browser').then(({ loadStaticSearch, loadTextConversion }) => {
      // The Traditional copy's results are Traditional, which highlighting reads through the Traditional tables (a
      // Simplified page loads them only for a Traditional query): they download beside the manifest. A failed load is
      // tried again by the search that needs it, which reports the failure.
      if (document.documentElement.lang === 'zh-Hant') void loadTextConversion().catch(() => undefined)
      return loadStaticSearch(indexUrl)
    })
  }

  private async run(params: URLSearchParams): Promise<void> {
    history.replaceState(null, '', `?${params.toString()}`)
    this.status.textContent = this.labels.ui.loading
    let response: Answer
    try {
      const engine = await this.loadEngine()
      await nextTask()
      const input = Object.fromEntries(PARAMS.map((name) => [name, params.get(name) ?? undefined]))
      // A chosen filter's own group counts the results without it, so 一年级 stays one tap away after 三年级 is chosen.
      const chosen = FACETS.filter((facet) => params.get(facet))
      const [found, ...widened] = await Promise.all([
        engine.search(input),
        ...chosen.map((facet) => engine.search({ ...input, [facet]: undefined, page: undefined, pageSize: '1' })),
      ])
      response = found
      chosen.forEach((facet, index) => {
        const counts = widened[index]?.facets[facet]
        if (counts) response.facets[facet] = counts
      })
    } catch (error) {
      const name = (error as Error).name
      // A query error and a broken index part say what happened; anything else (no network) gets the general message.
      this.status.textContent =
        name === 'SearchQueryError' ? (error as Error).message : name === 'SearchPartError' ? this.labels.ui.partFailed : this.labels.ui.loadFailed
      this.results.replaceChildren()
      this.querySelector('.search-fallback')?.removeAttribute('hidden')
      return
    }
    await nextTask()
    this.render(response, params)
  }

  private render(response: Answer, params: URLSearchParams): void {
    const { ui } = this.labels
    // Re-rendering replaces the controls; the one the user acted on gets focus back (found by its key).
    const active = document.activeElement
    const focusKey = active instanceof HTMLElement && this.results.contains(active) ? active.dataset.focusKey : undefined
    this.status.textContent = response.total === 0 ? ui.empty : ui.found.replace('{total}', String(response.total))
    const list = element('ol', { class: 'search-hits', start: String((response.page - 1) * response.pageSize + 1) })
    for (const hit of response.hits) list.append(this.hitItem(hit))
    this.results.replaceChildren(this.filters(response, params), list, this.pager(response, params))
    // Shown in the page's script (the labels are converted for the Traditional copy); the part's name is kept for whoever looks into it.
    if (response.notices?.length)
      this.results.prepend(element('p', { class: 'search-notice', role: 'alert', 'data-detail': response.notices.join(' ') }, ui.partFailed))
    const query = params.get('q')?.trim() ?? ''
    const endpoint = this.getAttribute('needs-endpoint')
    if (endpoint && query && response.total < POOR_RESULTS) this.results.append(tellUsPanel(query, this.labels.tellUs, this.labels.areas ?? [], endpoint))
    if (endpoint && query && response.total === 0 && !FACETS.some((facet) => params.get(facet))) this.countZeroResult(endpoint, query)
    if (response.total === 0) this.querySelector('.search-fallback')?.removeAttribute('hidden')
    else this.querySelector('.search-fallback')?.setAttribute('hidden', '')
    if (focusKey) this.restoreFocus(focusKey)
  }

  /**
   * Counts a search that found nothing, only where an organization turned it
   * on (the build sets `zero-result-area`), at most three a day per browser:
   * the scrubbed query and the organization's area, never the parent's.
   */
  private countZeroResult(endpoint: string, typed: string): void {
    const areaJson = this.getAttribute('zero-result-area')
    if (!areaJson) return
    const { query } = scrubQuery(typed)
    if (!query || this.countedQueries.has(query)) return
    this.countedQueries.add(query)
    let storage: Storage | undefined
    try {
      storage = localStorage
    } catch (error) {
      // Storage blocked (some in-app browsers): nothing to count with, so nothing is counted.
      if (error instanceof DOMException) return
      throw error
    }
    if (!takeZeroResultCount(storage)) return
    const area = JSON.parse(areaJson) as { province: string; county?: string }
    // A count that fails is lost on purpose: the parent is not told about counting that serves the editors.
    void sendNeedSignal(endpoint, { kind: 'zero-result', query, ...area }).catch(() => undefined)
  }

  private restoreFocus(focusKey: string): void {
    const target = [...this.results.querySelectorAll<HTMLElement>('[data-focus-key]')].find((node) => node.dataset.focusKey === focusKey)
    // A control that is gone (清除筛选 once nothing is chosen) hands focus to the 筛选 toggle beside it.
    ;(target ?? this.results.querySelector<HTMLElement>('.search-filters summary'))?.focus()
  }

  /** The 筛选 disclosure: one line when closed (with what is chosen), toggle buttons by group when open. */
  private filters(response: SearchResponse, params: URLSearchParams): HTMLElement {
    const { ui, facets } = this.labels
    const chosen = FACETS.flatMap((facet) => {
      const value = params.get(facet)
      return value ? [facets[facet].labels[value] ?? value] : []
    })
    const details = element('details', { class: 'search-filters' })
    details.open = this.filtersOpen
    details.addEventListener('toggle', () => {
      this.filtersOpen = details.open
    })
    const summary = element('summary', { 'data-focus-key': 'filters' }, ui.filters)
    if (chosen.length > 0) summary.append(element('span', { class: 'search-filters-chosen' }, ui.chosen.replace('{list}', chosen.join('、'))))
    const panel = element('div', { class: 'search-filter-panel' })
    if (chosen.length > 0) {
      const clear = element('button', { type: 'button', class: 'search-clear', 'data-focus-key': 'clear' }, ui.clear)
      clear.addEventListener('click', () => {
        const next = new URLSearchParams(params)
        for (const facet of FACETS) next.delete(facet)
        next.delete('page')
        void this.run(next)
      })
      panel.append(clear)
    }
    for (const facet of SHOWN_FACETS) {
      const group = this.facetGroup(facet, response.facets[facet], params)
      if (group) panel.append(group)
    }
    details.append(summary, panel)
    return details
  }

  private facetGroup(facet: Facet, counts: Record<string, number>, params: URLSearchParams): HTMLElement | null {
    const { title, labels } = this.labels.facets[facet]
    const selected = params.get(facet)
    if (facet === 'stage' && !selected) return null
    const order = Object.keys(labels)
    const values = ORDERED_FACETS.includes(facet)
      ? order.filter((value) => counts[value] || value === selected)
      : Object.entries(counts)
          .sort((a, b) => b[1] - a[1])
          .slice(0, MAX_THEMES)
          .map(([value]) => value)
    if (selected && !values.includes(selected)) values.unshift(selected)
    if (values.length === 0) return null
    const group = element('fieldset', { class: 'search-facet' })
    group.append(element('legend', {}, title))
    for (const value of values) {
      const pressed = selected === value
      const button = element('button', { type: 'button', class: 'search-chip', 'aria-pressed': String(pressed), 'data-focus-key': `${facet}:${value}` })
      button.append(element('span', {}, labels[value] ?? value), element('span', { class: 'search-chip-count' }, `（${counts[value] ?? 0}）`))
      button.addEventListener('click', () => {
        const next = new URLSearchParams(params)
        if (pressed) next.delete(facet)
        else next.set(facet, value)
        next.delete('page')
        void this.run(next)
      })
      group.append(button)
    }
    return group
  }

  private hitItem(hit: SearchHit): HTMLElement {
    const item = element('li', { class: 'search-hit' })
    const link = element('a', { href: hrefOf(hit.url) })
    // titleHtml and snippetHtml are escaped by the engine; their only tags are <mark>.
    link.innerHTML = hit.titleHtml
    const meta = element(
      'p',
      { class: 'search-hit-meta' },
      [this.labels.facets.type.labels[hit.type], ...hit.grades.map((grade) => this.labels.facets.grade.labels[grade])].filter(Boolean).join(' · '),
    )
    const summary = element('p', { class: 'search-hit-snippet' })
    summary.innerHTML = hit.snippetHtml
    item.append(element('h2', {}), meta, summary)
    item.firstElementChild?.append(link)
    return item
  }

  private pager(response: SearchResponse, params: URLSearchParams): HTMLElement {
    const nav = element('nav', {
      class: 'search-pager',
      'aria-label': this.labels.ui.pageOf.replace('{page}', String(response.page)).replace('{pages}', String(Math.max(1, response.totalPages))),
    })
    const go = (page: number, text: string) => {
      const button = element('button', { type: 'button', class: 'search-page-button' }, text)
      button.addEventListener('click', () => {
        const next = new URLSearchParams(params)
        next.set('page', String(page))
        void this.run(next).then(() => this.status.focus())
      })
      return button
    }
    if (response.page > 1) nav.append(go(response.page - 1, this.labels.ui.previous))
    if (response.page < response.totalPages) nav.append(go(response.page + 1, this.labels.ui.next))
    return nav
  }
}
