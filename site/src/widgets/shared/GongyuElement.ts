import { h } from './dom.ts'
import { scriptBase } from './scriptSource.ts'
import { httpBase, type Script } from './siteUrls.ts'
import { say } from './strings.ts'
import { adoptStyles } from './styles.ts'

// Languages that read Traditional characters: zh-Hant, and the regions that use it by default.
const TRADITIONAL = /^zh-(hant|tw|hk|mo)\b/i

/** Whether a render is still the latest one for a connected element. */
export type IsCurrent = () => boolean

/**
 * What the three widgets share: an open shadow root with the shared
 * stylesheet, the attributes every widget has (`lang`, `script`, `site`),
 * renders coalesced to one per task, and a failure view that still leads
 * to the Gongyu site.
 */
export abstract class GongyuElement extends HTMLElement {
  /** Attributes every widget observes; subclasses add their own. */
  static readonly commonAttributes = ['lang', 'script', 'site']

  /** The wrapper inside the shadow root (part `base`): everything a widget shows goes in here. */
  protected readonly view: HTMLElement
  private renderQueued = false
  private generation = 0

  constructor() {
    super()
    const root = this.attachShadow({ mode: 'open' })
    adoptStyles(root)
    this.view = h('div', { class: 'w', part: 'base' })
    root.append(this.view)
  }

  /** `hans` or `hant`: the `script` attribute, else the nearest `lang` (zh-Hant, zh-TW, zh-HK and zh-MO read Traditional). */
  get script(): Script {
    const chosen = (this.getAttribute('script') ?? '').toLowerCase()
    if (chosen === 'hant' || chosen === 'zh-hant') return 'hant'
    if (chosen === 'hans' || chosen === 'zh-hans') return 'hans'
    return TRADITIONAL.test(this.closest('[lang]')?.getAttribute('lang') ?? '') ? 'hant' : 'hans'
  }

  set script(value: Script) {
    this.setAttribute('script', value)
  }

  /** The Gongyu site to read from when the script is not served by it (a copy on the school's own server). */
  get site(): string {
    return this.getAttribute('site') ?? ''
  }

  set site(value: string) {
    this.setAttribute('site', value)
  }

  /** The Gongyu site root: `site` when it is an http(s) URL, else where this script came from. */
  protected get base(): URL | null {
    return httpBase(this.site) ?? scriptBase
  }

  connectedCallback(): void {
    this.requestRender()
  }

  attributeChangedCallback(_name: string, oldValue: string | null, newValue: string | null): void {
    if (oldValue !== newValue) this.requestRender()
  }

  /** Setting several attributes in a row gives one render, after the current task's synchronous work. */
  requestRender(): void {
    if (this.renderQueued) return
    this.renderQueued = true
    queueMicrotask(() => {
      this.renderQueued = false
      if (this.isConnected) void this.run()
    })
  }

  /** Builds the view; `isCurrent` turns false when a newer render has started, so a slow feed never overwrites it. */
  protected abstract render(isCurrent: IsCurrent): Promise<void> | void

  /** The Gongyu page that shows the same content, for the failure view. */
  protected abstract pageUrl(base: URL): string

  /** Replaces what the widget shows. */
  protected show(...nodes: Node[]): void {
    this.view.textContent = ''
    this.view.setAttribute('lang', this.script === 'hant' ? 'zh-Hant' : 'zh-Hans')
    this.view.append(...nodes)
  }

  /** A status line (part `status`), announced politely to screen readers. */
  protected status(text: string, ...rest: Node[]): HTMLElement {
    return h('p', { class: 'status', part: 'status', role: 'status' }, text, ...rest)
  }

  /** Tells the host page a render finished (`gongyu:rendered`, with the number of items shown). */
  protected rendered(count: number): void {
    this.dispatchEvent(new CustomEvent('gongyu:rendered', { bubbles: true, composed: true, detail: { count } }))
  }

  private async run(): Promise<void> {
    const generation = ++this.generation
    const isCurrent = () => generation === this.generation && this.isConnected
    try {
      await this.render(isCurrent)
    } catch (error) {
      if (!isCurrent()) return
      // The host page's console is the only place a school's web admin can see why; the view still links to Gongyu.
      console.warn('[共育挂件]', error)
      const base = this.base
      const link = base ? h('a', { href: this.pageUrl(base), part: 'link' }, say(this.script, 'openSite')) : null
      this.show(this.status(say(this.script, 'failed'), ...(link ? [link] : [])))
    }
  }
}

/** Reads a whole-number attribute; `fallback` when it is missing or not a positive number. */
export function positiveNumber(value: string | null, fallback: number, max = 100): number {
  const number = Number.parseInt(value ?? '', 10)
  return Number.isFinite(number) && number > 0 ? Math.min(number, max) : fallback
}
