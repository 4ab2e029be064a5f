import { readPageData } from '../../lib/pageText.ts'
import { answeredOn, dropAnswer, type KeyValueStore, markAnswered, outcomeOf, type QueuedAnswer, queueAnswer, queuedAnswers } from './surveyOutbox.ts'

/** The element's words, as JSON in the page so the Traditional copy converts them. */
export interface SurveyLabels {
  answered: string
  answerAgain: string
  sending: string
  offline: string
  busy: string
  refused: string
  sentEarlier: string
}

const today = () => new Date().toISOString().slice(0, 10)
const RETRY_MS = 30_000

function storage(): KeyValueStore | undefined {
  try {
    return window.localStorage
  } catch (error) {
    // A browser that blocks storage (private mode, some WebViews) throws on access: the plain form post still works.
    if (error instanceof DOMException) return undefined
    throw error
  }
}

/**
 * `<gongyu-survey>` around the survey's plain form. Without JavaScript the
 * form posts to the CMS as it is. With it, the answer is first kept on the
 * phone (local storage), then sent; offline, or while the CMS is busy, it
 * stays there and goes out when the phone is online again (the `online`
 * event, or the next visit to any survey page). A flag remembers that this
 * browser answered, to discourage a second answer.
 */
export class GongyuSurveyElement extends HTMLElement {
  private labels: SurveyLabels | undefined
  private status: HTMLElement | undefined
  private sending = false
  private retryTimer: number | undefined
  private readonly onOnline = () => void this.sendQueued()
  private readonly onSubmit = (event: SubmitEvent) => this.submit(event)

  private get survey(): string {
    return this.getAttribute('survey') ?? ''
  }

  private get form(): HTMLFormElement | null {
    return this.querySelector('form')
  }

  connectedCallback(): void {
    if (!this.labels) {
      this.labels = readPageData<{ labels: SurveyLabels }>(this).labels
      this.status = document.createElement('div')
      this.status.className = 'survey-status'
      this.status.setAttribute('role', 'status')
      this.status.hidden = true
      this.prepend(this.status)
    }
    this.form?.addEventListener('submit', this.onSubmit)
    window.addEventListener('online', this.onOnline)
    const store = storage()
    if (store && answeredOn(store, this.survey)) this.showAnswered()
    void this.sendQueued()
  }

  disconnectedCallback(): void {
    this.form?.removeEventListener('submit', this.onSubmit)
    window.removeEventListener('online', this.onOnline)
    window.clearTimeout(this.retryTimer)
  }

  private show(kind: string, text: string): void {
    if (!this.status) return
    this.status.dataset.kind = kind
    this.status.textContent = text
    this.status.hidden = false
  }

  private showAnswered(): void {
    const form = this.form
    if (!form || !this.labels || !this.status) return
    form.hidden = true
    this.show('answered', this.labels.answered)
    const again = document.createElement('button')
    again.type = 'button'
    again.className = 'survey-again'
    again.textContent = this.labels.answerAgain
    again.addEventListener('click', () => {
      form.hidden = false
      again.remove()
      if (this.status) this.status.hidden = true
    })
    this.status.append(document.createElement('br'), again)
  }

  private submit(event: SubmitEvent): void {
    const form = this.form
    const store = storage()
    // Without storage the form posts as it would without JavaScript.
    if (!form || !store || !this.labels) return
    const body = new URLSearchParams(new FormData(form) as unknown as Record<string, string>).toString()
    try {
      queueAnswer(store, { survey: this.survey, url: form.action, body, queuedAt: today() })
    } catch (error) {
      // Storage full or refused: let the browser post the form itself.
      if (error instanceof DOMException) return
      throw error
    }
    event.preventDefault()
    void this.sendQueued()
  }

  /** Sends every answer waiting on this phone, oldest first; stops at the first one that must wait. */
  private async sendQueued(): Promise<void> {
    const store = storage()
    const labels = this.labels
    if (!store || !labels || this.sending) return
    this.sending = true
    try {
      for (const answer of queuedAnswers(store)) {
        const mine = answer.survey === this.survey
        if (!navigator.onLine) {
          if (mine) this.show('offline', labels.offline)
          return
        }
        if (mine) this.show('sending', labels.sending)
        const result = await this.post(answer)
        if (result === 'offline') {
          if (mine) this.show('offline', labels.offline)
          return
        }
        const outcome = outcomeOf(result.status)
        if (outcome === 'retry-later') {
          if (mine) this.show('busy', labels.busy)
          window.clearTimeout(this.retryTimer)
          this.retryTimer = window.setTimeout(this.onOnline, RETRY_MS)
          return
        }
        dropAnswer(store, answer.survey)
        if (outcome === 'sent') markAnswered(store, answer.survey, today())
        if (mine && outcome === 'sent') {
          this.form?.setAttribute('hidden', '')
          this.show('done', result.message)
        } else if (mine) this.show('refused', `${labels.refused}${result.message}`)
        else if (outcome === 'sent') this.show('done', `${labels.sentEarlier}${result.message}`)
      }
    } finally {
      this.sending = false
    }
  }

  private async post(answer: QueuedAnswer): Promise<{ status: number; message: string } | 'offline'> {
    let response: Response
    try {
      // A urlencoded body and the safelisted Accept header keep this a simple request: no preflight, no cookie.
      response = await fetch(answer.url, {
        method: 'POST',
        body: answer.body,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        credentials: 'omit',
        mode: 'cors',
      })
    } catch (error) {
      // fetch rejects with a TypeError when there is no network at all.
      if (error instanceof TypeError) return 'offline'
      throw error
    }
    let message = ''
    try {
      const json = (await response.json()) as { message?: string; errors?: { message?: string }[] }
      message = json.message ?? json.errors?.[0]?.message ?? ''
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error
    }
    return { status: response.status, message }
  }
}
