import type { Script } from '../shared/siteUrls.ts'
import { canUseIframe, hostCsp, snippetNodes, widgetSnippet, type EmbedChoice, type EmbedContext, type SnippetNode } from './snippet.ts'

function toElement(node: SnippetNode): HTMLElement {
  const element = document.createElement(node.tag)
  for (const [name, value] of node.attributes) element.setAttribute(name, value)
  if (node.text) element.textContent = node.text
  for (const child of node.children ?? []) element.append(toElement(child))
  return element
}

/**
 * `<gongyu-embed-builder>` on /embed/: enhances the server-rendered form
 * (light DOM, no shadow root) into 1) choose, 2) live preview, 3) copy the
 * snippet. The preview is built from the same description as the snippet,
 * so what the school sees is what it pastes. Its words come from data-*
 * attributes, so the Traditional page's copy of them is converted at build.
 */
export class GongyuEmbedBuilder extends HTMLElement {
  private form: HTMLFormElement | null = null

  connectedCallback(): void {
    const form = this.querySelector('form')
    if (!form || this.form === form) return
    this.form = form
    if (document.documentElement.lang === 'zh-Hant') this.check('script', 'hant')
    form.addEventListener('change', (event) => {
      // Choosing from a list also chooses that kind of content.
      const target = event.target
      if (target instanceof HTMLSelectElement && target.dataset.what) this.check('what', target.dataset.what)
      this.update()
    })
    form.addEventListener('input', () => this.update())
    form.addEventListener('submit', (event) => event.preventDefault())
    this.querySelector('[data-copy]')?.addEventListener('click', () => void this.copy())
    this.update()
  }

  private check(name: string, value: string): void {
    const radio = this.form?.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`)
    if (radio) radio.checked = true
  }

  private value(name: string): string {
    const field = this.form?.elements.namedItem(name)
    return field instanceof RadioNodeList || field instanceof HTMLInputElement || field instanceof HTMLSelectElement ? field.value : ''
  }

  private selectedOption(what: string): HTMLOptionElement | null {
    const select = this.querySelector<HTMLSelectElement>(`select[data-what="${what}"]`)
    return select?.selectedOptions[0] ?? null
  }

  private context(): EmbedContext {
    // The snippet names the site this page is served from; the configured URL is the fallback.
    const site = /^https?:$/.test(window.location.protocol) ? new URL('/', window.location.href).href : (this.dataset.site ?? '')
    const { meiliHost, meiliKey, meiliIndex } = this.dataset
    return {
      site,
      widgets: { path: this.dataset.widgetsPath ?? '', integrity: this.dataset.integrity ?? '' },
      meilisearch: meiliHost && meiliKey ? { host: meiliHost, key: meiliKey, index: meiliIndex || 'gongyu-public' } : undefined,
    }
  }

  private choice(): EmbedChoice {
    const what = this.value('what') as EmbedChoice['what']
    const option = what === 'search' ? null : this.selectedOption(what)
    const count = Number.parseInt(this.value('count'), 10)
    return {
      what,
      slug: option?.value ?? '',
      title: option?.dataset.title ?? option?.textContent?.trim() ?? this.dataset.searchTitle ?? '',
      variant: this.value('variant') === 'iframe' ? 'iframe' : 'script',
      layout: this.value('layout') === 'cards' ? 'cards' : 'list',
      count: Number.isFinite(count) && count > 0 ? Math.min(count, 50) : 0,
      script: (this.value('script') === 'hant' ? 'hant' : 'hans') as Script,
      searchMode: this.value('search-mode') === 'inline' ? 'inline' : 'site',
    }
  }

  private update(): void {
    const choice = this.choice()
    const iframeAllowed = canUseIframe(choice)
    const iframeRadio = this.form?.querySelector<HTMLInputElement>('input[name="variant"][value="iframe"]')
    if (iframeRadio) iframeRadio.disabled = !iframeAllowed
    if (!iframeAllowed) choice.variant = 'script'
    const context = this.context()
    const nodes = snippetNodes(choice, context)
    const snippet = this.querySelector<HTMLTextAreaElement>('[data-snippet]')
    if (snippet) snippet.value = widgetSnippet(choice, context)
    // The page already runs the widgets script, so the preview leaves the script tag out.
    this.querySelector('[data-preview]')?.replaceChildren(...nodes.filter((node) => node.tag !== 'script').map(toElement))
    const csp = this.querySelector('[data-csp]')
    if (csp) csp.textContent = hostCsp(choice, context).join('\n')
    const note = this.querySelector<HTMLElement>('[data-origins-note]')
    if (note) {
      const shown = choice.what === 'course-list' && choice.variant === 'iframe'
      note.hidden = !shown
      if (shown) note.textContent = `${note.dataset.prefix ?? ''}${this.selectedOption('course-list')?.dataset.origins || note.dataset.none || ''}`
    }
  }

  private async copy(): Promise<void> {
    const snippet = this.querySelector<HTMLTextAreaElement>('[data-snippet]')
    const status = this.querySelector<HTMLElement>('[data-copy-status]')
    if (!snippet || !status) return
    try {
      await navigator.clipboard.writeText(snippet.value)
      status.textContent = status.dataset.copied ?? ''
    } catch (error) {
      // No clipboard permission (an old browser, or http on a phone): select the text for a manual copy instead.
      console.warn('[共育嵌入代码] 无法写入剪贴板', error)
      snippet.select()
      status.textContent = status.dataset.copyFailed ?? ''
    }
  }
}
