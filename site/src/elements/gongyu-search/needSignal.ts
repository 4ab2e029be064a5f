import { fillTemplate } from '../../lib/pageText.ts'
import { scrubQuery, type ScrubbedKind } from '../../lib/needs/scrubQuery.ts'

/** The words of 没找到？告诉我们, in the page's JSON so the Traditional copy converts them. */
export interface TellUsLabels {
  title: string
  explain: string
  areaLabel: string
  noArea: string
  wholeProvince: string
  send: string
  sending: string
  sent: string
  removed: string
  kinds: Record<ScrubbedKind, string>
  nothingLeft: string
  failed: string
}

/** The counties a parent may choose, by province: the regions of the organizations on the site. */
export interface AreaChoice {
  province: string
  counties: string[]
}

/** Where signals go and which area a count of a search that found nothing belongs to (absent: counting is off). */
export interface NeedSignalTarget {
  endpoint: string
  zeroResultArea?: { province: string; county?: string }
}

/** What the phone sends: the scrubbed query and the area the parent chose, nothing more. */
export interface NeedSignalBody {
  kind: 'asked' | 'zero-result'
  query: string
  province?: string
  county?: string
}

/**
 * Sends one signal; no cookie, no referrer (the page's URL holds the query the
 * parent typed before scrubbing). A urlencoded form is a simple cross-origin
 * request (no preflight), and `Accept` asks the CMS for JSON.
 */
export async function sendNeedSignal(endpoint: string, body: NeedSignalBody): Promise<{ ok: boolean; message: string }> {
  const fields = Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { accept: 'application/json' },
    body: new URLSearchParams(fields),
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    keepalive: true,
  })
  const json = (await response.json().catch(() => ({}))) as { message?: string; errors?: { message?: string }[] }
  return { ok: response.ok, message: json.message ?? json.errors?.[0]?.message ?? '' }
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value)
  if (text !== undefined) node.textContent = text
  return node
}

/**
 * 没找到？告诉我们: a short explanation, an optional county chosen from a
 * list (never guessed from the network) and one button. Nothing is sent
 * until the parent taps it, and then only the scrubbed query and the area.
 */
export function tellUsPanel(typed: string, labels: TellUsLabels, areas: readonly AreaChoice[], endpoint: string): HTMLElement {
  const { query, removed } = scrubQuery(typed)
  const panel = element('section', { class: 'search-tell-us', 'aria-labelledby': 'search-tell-us-title' })
  panel.append(element('h2', { id: 'search-tell-us-title' }, labels.title), element('p', {}, fillTemplate(labels.explain, { query })))
  const select = element('select', { id: 'search-tell-us-area', name: 'area' })
  select.append(element('option', { value: '' }, labels.noArea))
  for (const area of areas) {
    const group = element('optgroup', { label: area.province })
    group.append(element('option', { value: JSON.stringify({ province: area.province }) }, fillTemplate(labels.wholeProvince, { province: area.province })))
    for (const county of area.counties)
      group.append(element('option', { value: JSON.stringify({ province: area.province, county }) }, `${area.province}${county}`))
    select.append(group)
  }
  if (areas.length > 0) panel.append(element('label', { for: 'search-tell-us-area' }, labels.areaLabel), select)
  const button = element('button', { type: 'button', class: 'search-tell-us-button' }, labels.send)
  const status = element('p', { class: 'search-tell-us-status', role: 'status', 'aria-live': 'polite' })
  if (!query) {
    status.textContent = labels.nothingLeft
    button.disabled = true
  }
  button.addEventListener('click', () => {
    button.disabled = true
    status.textContent = labels.sending
    const area = select.value ? (JSON.parse(select.value) as { province: string; county?: string }) : {}
    sendNeedSignal(endpoint, { kind: 'asked', query, ...area })
      .then(({ ok, message }) => {
        if (!ok) {
          button.disabled = false
          status.textContent = message || labels.failed
          return
        }
        const note = removed.length > 0 ? fillTemplate(labels.removed, { kinds: removed.map((kind) => labels.kinds[kind]).join('、') }) : ''
        status.textContent = `${fillTemplate(labels.sent, { query })}${note}`
        button.remove()
        select.disabled = true
      })
      .catch(() => {
        button.disabled = false
        status.textContent = labels.failed
      })
  })
  panel.append(button, status)
  return panel
}
