import { chineseDay } from '@gongyu/contract'
import { ed25519Verifier } from './ed25519Verifier.ts'
import { type TrustList, type VerifyFailure, type VerifyOutcome, verifyCertificate } from './verifyCertificate.ts'
import { fillTemplate, readPageData } from '../../lib/pageText.ts'

/** The page's words, rendered into it as JSON so the Traditional copy converts them with the page. */
export interface VerifyLabels {
  status: Record<'valid' | 'revoked' | 'unverifiable', string>
  /** `{organization}`, `{date}` are filled in. */
  explain: Record<'valid' | 'revoked', string>
  reasons: Record<VerifyFailure | 'old-browser', string>
  fields: Record<'name' | 'programme' | 'hours' | 'period' | 'organization' | 'issuedOn' | 'id', string>
  /** `{hours}`; `{start}`, `{end}`. */
  hoursValue: string
  periodValue: string
  waiting: string
}

interface VerifyData {
  labels: VerifyLabels
  trust: TrustList
}

/**
 * `<gongyu-verify>`: checks the certificate in the page's fragment (`#…`,
 * which never reaches a server) against the keys and revocation list built
 * into the page, so it needs no network once loaded. All text goes in as
 * text, never as HTML: a forged certificate can carry any characters.
 */
export class GongyuVerifyElement extends HTMLElement {
  private data: VerifyData | undefined
  private result: HTMLElement | undefined
  private readonly onHashChange = () => this.render()

  connectedCallback(): void {
    if (!this.data) {
      this.data = readPageData<VerifyData>(this)
      this.querySelector('.verify-fallback')?.setAttribute('hidden', '')
      this.result = document.createElement('div')
      this.result.className = 'verify-result'
      this.result.setAttribute('role', 'status')
      this.append(this.result)
    }
    window.addEventListener('hashchange', this.onHashChange)
    this.render()
  }

  disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHashChange)
  }

  private outcome(signedText: string): VerifyOutcome | 'old-browser' {
    // @noble/ed25519 needs BigInt, which the oldest WeChat (X5) browsers lack: say so rather than fail silently.
    if (typeof BigInt === 'undefined') return 'old-browser'
    return verifyCertificate(signedText, (this.data as VerifyData).trust, { ed25519: ed25519Verifier })
  }

  private render(): void {
    const { data, result } = this
    if (!data || !result) return
    const signedText = location.hash.slice(1)
    result.replaceChildren()
    if (!signedText) {
      result.dataset.status = 'waiting'
      result.append(paragraph('verify-reason', data.labels.waiting))
      return
    }
    const outcome = this.outcome(signedText)
    const { labels } = data
    const status = outcome === 'old-browser' ? 'unverifiable' : outcome.status
    result.dataset.status = status
    const heading = document.createElement('h2')
    heading.className = 'verify-status'
    heading.textContent = labels.status[status]
    result.append(heading)
    if (outcome === 'old-browser' || outcome.status === 'unverifiable') {
      const reason = outcome === 'old-browser' ? 'old-browser' : outcome.reason
      result.dataset.reason = reason
      const organization = outcome === 'old-browser' ? '' : (outcome.keyOrganizationName ?? '')
      result.append(paragraph('verify-reason', fillTemplate(labels.reasons[reason], { organization })))
      return
    }
    const { content, organizationName } = outcome
    const explain = outcome.status === 'revoked' ? labels.explain.revoked : labels.explain.valid
    result.append(
      paragraph(
        'verify-reason',
        fillTemplate(explain, { organization: organizationName, date: outcome.status === 'revoked' ? chineseDay(outcome.revokedOn) : '' }),
      ),
    )
    const list = document.createElement('dl')
    list.className = 'verify-fields'
    const rows: [keyof VerifyLabels['fields'], string][] = [
      ['name', content.name],
      ['programme', content.programme],
      ['hours', fillTemplate(labels.hoursValue, { hours: String(content.hours) })],
      ['period', fillTemplate(labels.periodValue, { start: chineseDay(content.periodStart), end: chineseDay(content.periodEnd) })],
      ['organization', organizationName],
      ['issuedOn', chineseDay(content.issuedOn)],
      ['id', content.id],
    ]
    for (const [field, value] of rows) {
      const term = document.createElement('dt')
      term.textContent = labels.fields[field]
      const definition = document.createElement('dd')
      definition.textContent = value
      definition.dataset.field = field
      list.append(term, definition)
    }
    result.append(list)
  }
}

function paragraph(className: string, text: string): HTMLParagraphElement {
  const node = document.createElement('p')
  node.className = className
  node.textContent = text
  return node
}
