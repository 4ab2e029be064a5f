import type { SearchHit, SearchResponse } from '@gongyu/search'

/** UI text and code labels, rendered into the page as JSON so the Traditional build converts them with the page. */
export interface SearchLabels {
  ui: Record<'loading' | 'loadFailed' | 'empty' | 'found' | 'previous' | 'next' | 'pageOf' | 'clear' | 'tryBrowse', string>
  facets: Record<'type' | 'stage' | 'grade' | 'theme', { title: string; labels: Record<string, string> }>
}

type Engine = { search(input: Record<string, string | undefined>): SearchResponse | Promise<SearchResponse> }
const FACETS = ['type', 'stage', 'grade', 'theme'] as const
const PARAMS = ['q', ...FACETS, 'page'] as const

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value)
  if (text !== undefined) node.textContent = text
  return node
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

  connectedCallback(): void {
    if (this.results) return
    this.labels = JSON.parse(this.querySelector('script[type="application/json"]')?.textContent ?? '{}') as SearchLabels
    const input = document.querySelector<HTMLInputElement>(this.getAttribute('input-selector') ?? 'input[name="q"]')
    this.form = input?.form ?? null
    this.status = element('p', { class: 'search-status', role: 'status', 'aria-live': 'polite' })
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
        : import('@gongyu/search/browser').then(({ loadStaticSearch }) =>
            loadStaticSearch(new URL(this.getAttribute('index-url') ?? '../search-index.json', location.href).href),
          )
    this.engine.catch(() => {
      this.engine = undefined
    })
    return this.engine
  }

  private async run(params: URLSearchParams): Promise<void> {
    history.replaceState(null, '', `?${params.toString()}`)
    this.status.textContent = this.labels.ui.loading
    let response: SearchResponse
    try {
      const engine = await this.loadEngine()
      response = await engine.search(Object.fromEntries(PARAMS.map((name) => [name, params.get(name) ?? undefined])))
    } catch (error) {
      const isQueryError = (error as Error).name === 'SearchQueryError'
      this.status.textContent = isQueryError ? (error as Error).message : this.labels.ui.loadFailed
      this.results.replaceChildren()
      this.querySelector('.search-fallback')?.removeAttribute('hidden')
      return
    }
    this.render(response, params)
  }

  private render(response: SearchResponse, params: URLSearchParams): void {
    const { ui } = this.labels
    this.status.textContent = response.total === 0 ? ui.empty : ui.found.replace('{total}', String(response.total))
    const facets = element('div', { class: 'search-facets' })
    for (const facet of FACETS) facets.append(this.facetGroup(facet, response.facets[facet], params))
    const list = element('ol', { class: 'search-hits', start: String((response.page - 1) * response.pageSize + 1) })
    for (const hit of response.hits) list.append(this.hitItem(hit))
    this.results.replaceChildren(facets, list, this.pager(response, params))
    if (response.total === 0) this.querySelector('.search-fallback')?.removeAttribute('hidden')
    else this.querySelector('.search-fallback')?.setAttribute('hidden', '')
  }

  private facetGroup(facet: (typeof FACETS)[number], counts: Record<string, number>, params: URLSearchParams): HTMLElement {
    const { title, labels } = this.labels.facets[facet]
    const group = element('fieldset', { class: 'search-facet' })
    group.append(element('legend', {}, title))
    const selected = params.get(facet)
    for (const [value, count] of Object.entries(counts)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)) {
      const button = element('button', { type: 'button', 'aria-pressed': String(selected === value) }, `${labels[value] ?? value}（${count}）`)
      button.addEventListener('click', () => {
        const next = new URLSearchParams(params)
        if (selected === value) next.delete(facet)
        else next.set(facet, value)
        next.delete('page')
        void this.run(next)
      })
      group.append(button)
    }
    if (group.children.length === 1) group.hidden = true
    return group
  }

  private hitItem(hit: SearchHit): HTMLElement {
    const prefix = document.documentElement.lang === 'zh-Hant' ? '/zh-hant' : ''
    const item = element('li', { class: 'search-hit' })
    const link = element('a', { href: `${prefix}${hit.url}` })
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
      const button = element('button', { type: 'button' }, text)
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
