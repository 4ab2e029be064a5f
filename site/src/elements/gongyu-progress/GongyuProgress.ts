import type { LearningStore, StoreResult } from '../../lib/myLearning/learningStore.ts'
import type { LearningRecord } from '../../lib/myLearning/learningRecord.ts'
import { localDay } from '../../lib/myLearning/localDay.ts'
import type { ProgressLabels } from './progressLabels.ts'
import { readPageData } from '../../lib/pageText.ts'

/** Runs `task` when the browser is idle (or soon, where it cannot say): the page's text comes first. */
function whenIdle(task: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout: 2000 })
  else setTimeout(task, 300)
}

/**
 * `<gongyu-progress>`: the 学完了 and 今天练习了 buttons of a lesson or
 * micro-lesson page. Its light DOM holds the buttons (hidden) and a note that
 * shows without JavaScript; the store and its format check load when the
 * browser is idle, and only then do the buttons appear. Nothing is sent
 * anywhere: marks go to this phone's localStorage (lib/myLearning).
 */
export class GongyuProgress extends HTMLElement {
  static readonly observedAttributes = ['record-id', 'record-title', 'minutes']
  private store: LearningStore | undefined
  private labels!: ProgressLabels
  private started = false

  /** The page's record id, e.g. `lesson:p3-01-talk`. */
  get recordId(): string {
    return this.getAttribute('record-id') ?? ''
  }

  set recordId(value: string) {
    this.setAttribute('record-id', value)
  }

  /** The page's title as shown, kept beside the mark for the 我的学习 list. */
  get recordTitle(): string {
    return this.getAttribute('record-title') ?? ''
  }

  set recordTitle(value: string) {
    this.setAttribute('record-title', value)
  }

  /** The page's stated length in minutes, what 学完了 adds to 学习时长. */
  get minutes(): number {
    const value = Number(this.getAttribute('minutes'))
    return Number.isFinite(value) && value > 0 ? value : 0
  }

  set minutes(value: number) {
    this.setAttribute('minutes', String(value))
  }

  connectedCallback(): void {
    if (this.started) return
    this.started = true
    whenIdle(() => void this.start())
  }

  attributeChangedCallback(): void {
    if (this.store) this.show(this.store.read())
  }

  private async start(): Promise<void> {
    this.labels = readPageData<ProgressLabels>(this)
    const { learningStore } = await import('../../lib/myLearning/learningStore.ts')
    this.store = learningStore()
    this.addEventListener('click', (event) => this.press(event))
    this.querySelector('[data-progress-nojs]')?.setAttribute('hidden', '')
    this.querySelector('[data-progress-buttons]')?.removeAttribute('hidden')
    this.show(this.store.read())
  }

  private press(event: MouseEvent): void {
    const button = (event.target as Element | null)?.closest('button')
    if (!button || !this.store) return
    const today = localDay()
    if (button.hasAttribute('data-done')) {
      const wasDone = button.getAttribute('aria-pressed') === 'true'
      const result = wasDone
        ? this.store.undoDone(this.recordId)
        : this.store.markDone({ id: this.recordId, title: this.recordTitle, minutes: this.minutes }, today)
      this.show(result, wasDone ? this.labels.undone : this.labels.savedDone)
    }
    const activity = button.getAttribute('data-practice')
    if (activity) {
      const already = button.getAttribute('aria-pressed') === 'true'
      this.show(this.store.markPractised(this.recordId, activity, today), already ? this.labels.practisedBefore : this.labels.savedPractice)
    }
  }

  /** Sets every button from the saved record, and says what happened (or why nothing could be saved). */
  private show(result: StoreResult, message = ''): void {
    const status = this.querySelector('[data-progress-status]')
    if (!result.ok) {
      if (status) status.textContent = this.labels.problems[result.problem]
      return
    }
    this.render(result.record)
    if (status) status.textContent = message
  }

  private render(record: LearningRecord): void {
    const today = localDay()
    const done = record.done.some((entry) => entry.id === this.recordId)
    const doneButton = this.querySelector('[data-done]')
    doneButton?.setAttribute('aria-pressed', String(done))
    const doneLabel = doneButton?.querySelector('[data-label]')
    if (doneLabel) doneLabel.textContent = done ? this.labels.doneAlready : this.labels.done
    for (const button of this.querySelectorAll('[data-practice]')) {
      const activity = button.getAttribute('data-practice')
      const practised = record.practised.some((entry) => entry.id === this.recordId && entry.activity === activity && entry.on === today)
      button.setAttribute('aria-pressed', String(practised))
      const label = button.querySelector('[data-label]')
      if (label) label.textContent = practised ? this.labels.practisedAlready : this.labels.practised
    }
  }
}
