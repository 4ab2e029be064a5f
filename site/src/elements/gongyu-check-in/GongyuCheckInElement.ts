import { chineseDay } from '@gongyu/contract'
import { localDay } from '../../lib/myLearning/localDay.ts'
import { addStamp, type StoreProblem } from '../../lib/myLearning/learningStore.ts'
import { ed25519Verifier } from '../gongyu-verify/ed25519Verifier.ts'
import type { TrustList } from '../gongyu-verify/verifyCertificate.ts'
import { type CheckInFailure, checkInSession } from './checkInSession.ts'
import { fillTemplate, readPageData } from '../../lib/pageText.ts'

/** The page's words, as JSON in the page so the Traditional copy converts them. */
export interface CheckInLabels {
  done: string
  /** `{title}`, `{date}`, `{hours}`, `{organization}` are filled in. */
  doneDetail: string
  refused: string
  reasons: Record<CheckInFailure | 'old-browser', string>
  storeProblems: Record<StoreProblem, string>
  waiting: string
}

/**
 * `<gongyu-check-in>`: a parent scanned a session sheet. The signature is
 * checked here against the keys built into the page, then the stamp (打卡) is
 * kept in 我的学习 on this phone. Nothing is sent: the signed text stays in
 * the fragment and in local storage.
 */
export class GongyuCheckInElement extends HTMLElement {
  private data: { labels: CheckInLabels; trust: TrustList } | undefined
  private result: HTMLElement | undefined
  private readonly onHashChange = () => this.render()

  connectedCallback(): void {
    if (!this.data) {
      this.data = readPageData(this)
      this.querySelector('.check-in-fallback')?.setAttribute('hidden', '')
      this.result = document.createElement('div')
      this.result.className = 'check-in-result'
      this.result.setAttribute('role', 'status')
      this.append(this.result)
    }
    window.addEventListener('hashchange', this.onHashChange)
    this.render()
  }

  disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHashChange)
  }

  private render(): void {
    const { data, result } = this
    if (!data || !result) return
    const { labels } = data
    const signedText = location.hash.slice(1)
    result.replaceChildren()
    delete result.dataset.reason
    if (!signedText) {
      result.dataset.status = 'waiting'
      result.append(paragraph(labels.waiting))
      return
    }
    // @noble/ed25519 needs BigInt, which the oldest WeChat (X5) browsers lack.
    const outcome =
      typeof BigInt === 'undefined'
        ? ({ ok: false, reason: 'old-browser' } as const)
        : checkInSession(signedText, localDay(), data.trust, { ed25519: ed25519Verifier })
    if (!outcome.ok) {
      this.refuse(outcome.reason, 'keyOrganizationName' in outcome ? (outcome.keyOrganizationName ?? '') : '')
      return
    }
    const { content } = outcome
    const stored = addStamp({
      session: content.session,
      title: content.title,
      organization: outcome.organizationName,
      on: content.on,
      hours: content.hours,
      proof: outcome.signedText,
    })
    if (!stored.ok) {
      result.dataset.status = 'refused'
      result.dataset.reason = stored.problem
      result.append(heading(labels.refused), paragraph(labels.storeProblems[stored.problem]))
      return
    }
    result.dataset.status = 'done'
    const detail = fillTemplate(labels.doneDetail, {
      title: content.title,
      date: chineseDay(content.on),
      hours: String(content.hours),
      organization: outcome.organizationName,
    })
    result.append(heading(labels.done), paragraph(detail))
  }

  private refuse(reason: CheckInFailure | 'old-browser', organization: string): void {
    const { data, result } = this
    if (!data || !result) return
    result.dataset.status = 'refused'
    result.dataset.reason = reason
    result.append(heading(data.labels.refused), paragraph(fillTemplate(data.labels.reasons[reason], { organization })))
  }
}

function heading(text: string): HTMLHeadingElement {
  const node = document.createElement('h2')
  node.className = 'check-in-status'
  node.textContent = text
  return node
}

function paragraph(text: string): HTMLParagraphElement {
  const node = document.createElement('p')
  node.className = 'check-in-reason'
  node.textContent = text
  return node
}
