import type { LearningRecord } from '../../lib/myLearning/learningRecord.ts'
import { type LearningStore, learningStore, type StoreResult } from '../../lib/myLearning/learningStore.ts'
import { hoursText, type LearningSummary, summarize } from '../../lib/myLearning/learningSummary.ts'
import { localDay } from '../../lib/myLearning/localDay.ts'
import { exportFileName, exportFileText, type ImportReading, MAX_IMPORT_BYTES, readImport, transferCode } from '../../lib/myLearning/transferText.ts'
import type { MyLearningLabels } from './myLearningLabels.ts'
import { fillTemplate, readPageData } from '../../lib/pageText.ts'

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  if (text !== undefined) node.textContent = text
  return node
}

/**
 * `<gongyu-my-learning>`: the 我的学习 page. It reads this phone's record
 * (lib/myLearning) and shows the figures, the lessons done and any session
 * stamps; it exports the record as a file or a 迁移码, imports either one
 * (adding to what is here, or refusing with the reason and changing
 * nothing), prints it as an unsigned 自学记录, and clears it. No request is
 * made for any of this. Titles come
 * from storage and are set as text, never as HTML.
 */
export class GongyuMyLearning extends HTMLElement {
  private store!: LearningStore
  private labels!: MyLearningLabels
  private started = false

  connectedCallback(): void {
    if (this.started) return
    this.started = true
    this.labels = readPageData<MyLearningLabels>(this)
    this.store = learningStore()
    this.querySelector('[data-learning-nojs]')?.setAttribute('hidden', '')
    for (const part of this.querySelectorAll('[data-learning-js]')) part.removeAttribute('hidden')
    this.addEventListener('click', (event) => this.press(event))
    this.querySelector<HTMLInputElement>('[data-import-file]')?.addEventListener('change', (event) => void this.importFile(event.target as HTMLInputElement))
    const reading = this.store.read()
    if (reading.ok) this.render(reading.record)
    else this.say(this.labels.storeProblems[reading.problem], true)
  }

  private find<T extends Element = HTMLElement>(selector: string): T | null {
    return this.querySelector<T>(selector)
  }

  private say(message: string, problem = false): void {
    const status = this.find('[data-learning-message]')
    if (!status) return
    status.textContent = message
    status.classList.toggle('learning-problem', problem)
  }

  private press(event: MouseEvent): void {
    const button = (event.target as Element | null)?.closest('button')
    if (!button) return
    if (button.hasAttribute('data-export-file')) this.exportFile()
    else if (button.hasAttribute('data-show-code')) this.showCode()
    else if (button.hasAttribute('data-copy-code')) void this.copyCode()
    else if (button.hasAttribute('data-import-code')) this.importText(this.find<HTMLTextAreaElement>('[data-code-in]')?.value ?? '')
    else if (button.hasAttribute('data-print-record')) this.printRecord()
    else if (button.hasAttribute('data-clear') && window.confirm(this.labels.confirmClear)) this.afterChange(this.store.clear(), this.labels.cleared)
  }

  /**
   * Prints the 自学记录 sheet, which render() keeps filled from this phone's
   * record (so the browser's own print menu gives it too). Inside WeChat,
   * where print does nothing, it says how to print instead, as the lesson
   * plans' 打印 button does (public/print-button.js).
   */
  private printRecord(): void {
    const reading = this.store.read()
    if (!reading.ok) {
      this.say(this.labels.storeProblems[reading.problem], true)
      return
    }
    this.render(reading.record)
    if (/MicroMessenger/i.test(navigator.userAgent) || typeof window.print !== 'function') {
      const hint = this.find('[data-print-hint]')
      hint?.removeAttribute('hidden')
      hint?.focus()
      return
    }
    window.print()
  }

  /** The record to export, or null (with the reason said) when this phone's record cannot be read. */
  private recordToExport(): LearningRecord | null {
    const reading = this.store.read()
    if (reading.ok) return reading.record
    this.say(this.labels.storeProblems[reading.problem], true)
    return null
  }

  private exportFile(): void {
    const record = this.recordToExport()
    if (!record) return
    const name = exportFileName()
    // A blob: URL is made and read inside the browser; the download sends nothing anywhere.
    const url = URL.createObjectURL(new Blob([exportFileText(record)], { type: 'application/json' }))
    const link = document.createElement('a')
    link.href = url
    link.download = name
    link.hidden = true
    this.append(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 60_000)
    this.say(fillTemplate(this.labels.exported, { name }))
  }

  private showCode(): void {
    const record = this.recordToExport()
    if (!record) return
    const output = this.find<HTMLTextAreaElement>('[data-code-out]')
    this.find('[data-code-box]')?.removeAttribute('hidden')
    if (output) {
      output.value = transferCode(record)
      output.focus()
      output.select()
    }
    this.say(this.labels.codeReady)
  }

  private async copyCode(): Promise<void> {
    const output = this.find<HTMLTextAreaElement>('[data-code-out]')
    if (!output) return
    try {
      await navigator.clipboard.writeText(output.value)
      this.say(this.labels.copied)
    } catch (error) {
      // No clipboard API outside https, or permission refused (some in-app browsers): the parent copies by hand.
      console.info('我的学习：不能自动复制。', error)
      output.focus()
      output.select()
      this.say(this.labels.copyFailed, true)
    }
  }

  private async importFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0]
    input.value = ''
    if (!file) return
    if (file.size > MAX_IMPORT_BYTES) return this.refuse({ ok: false, problem: 'tooLarge' })
    let text: string
    try {
      text = await file.text()
    } catch (error) {
      console.info('我的学习：读不了这个文件。', error)
      return this.refuse({ ok: false, problem: 'damaged' })
    }
    this.importText(text)
  }

  private refuse(reading: Extract<ImportReading, { ok: false }>): void {
    this.say(this.labels.importProblems[reading.problem], true)
  }

  /** Adds an imported record to this phone's, or says why not; a refused import changes nothing. */
  private importText(text: string): void {
    const reading = readImport(text)
    if (!reading.ok) {
      this.refuse(reading)
      return
    }
    const before = this.store.read()
    const result = before.ok ? this.store.merge(reading.record) : before
    if (!before.ok || !result.ok) {
      this.afterChange(result, '')
      return
    }
    const codeInput = this.find<HTMLTextAreaElement>('[data-code-in]')
    if (codeInput) codeInput.value = ''
    this.afterChange(
      result,
      fillTemplate(this.labels.imported, {
        done: result.record.done.length - before.record.done.length,
        practised: result.record.practised.length - before.record.practised.length,
        stamps: result.record.stamps.length - before.record.stamps.length,
      }),
    )
  }

  private afterChange(result: StoreResult, message: string): void {
    if (result.ok) {
      this.render(result.record)
      this.say(message)
    } else this.say(this.labels.storeProblems[result.problem], true)
  }

  /** A site link that works wherever the page is: the site, its Traditional copy, or an offline pack opened from disk. */
  private linkTo(section: string, slug: string): string {
    // The root link is rewritten by the build like any other (/zh-hant/, or ../index.html in the offline pack).
    const root = this.find<HTMLAnchorElement>('a[data-site-root]')?.href ?? new URL('/', location.href).href
    const fileLinks = root.endsWith('/index.html')
    const base = fileLinks ? root.slice(0, -'index.html'.length) : root
    return `${base}${section}/${encodeURIComponent(slug)}/${fileLinks ? 'index.html' : ''}`
  }

  /** Fills the printable 自学记录 (unsigned): every lesson done, oldest first, and the session stamps. */
  private renderSheet(record: LearningRecord, figures: LearningSummary): void {
    const setText = (selector: string, text: string) => {
      const node = this.find(selector)
      if (node) node.textContent = text
    }
    const row = (cells: string[]) => {
      const line = element('tr')
      line.append(...cells.map((cell) => element('td', cell)))
      return line
    }
    setText('[data-sheet-date]', localDay())
    setText('[data-sheet-lessons]', fillTemplate(this.labels.lessons, { count: figures.lessonsDone }))
    setText('[data-sheet-hours]', fillTemplate(this.labels.hours, { hours: hoursText(figures.selfStudyMinutes) }))
    this.find('[data-sheet-done]')?.replaceChildren(
      ...[...record.done]
        .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
        .map((entry) => row([entry.on, entry.title || entry.id, fillTemplate(this.labels.sheetMinutes, { minutes: entry.minutes })])),
    )
    this.find('[data-sheet-stamps]')?.toggleAttribute('hidden', record.stamps.length === 0)
    this.find('[data-sheet-stamp-rows]')?.replaceChildren(
      ...record.stamps.map((stamp) => row([stamp.on, stamp.title, stamp.organization, fillTemplate(this.labels.sheetStampHours, { hours: stamp.hours })])),
    )
  }

  private render(record: LearningRecord): void {
    const figures = summarize(record, localDay())
    const setFigure = (name: string, text: string) => {
      const figure = this.find(`[data-figure="${name}"]`)
      if (figure) figure.textContent = text
    }
    setFigure('lessons', fillTemplate(this.labels.lessons, { count: figures.lessonsDone }))
    setFigure('days', fillTemplate(this.labels.days, { count: figures.daysPractisedThisWeek }))
    setFigure('hours', fillTemplate(this.labels.hours, { hours: hoursText(figures.selfStudyMinutes) }))

    const list = this.find('[data-done-list]')
    list?.replaceChildren(
      ...[...record.done]
        .sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0))
        .map((entry) => {
          const [type = '', slug = ''] = entry.id.split(':')
          const item = element('li')
          const link = element('a', entry.title || slug)
          link.href = this.linkTo(this.labels.sections[type] ?? 'lessons', slug)
          item.append(link, element('span', fillTemplate(this.labels.doneOn, { on: entry.on })))
          return item
        }),
    )
    this.find('[data-done-empty]')?.toggleAttribute('hidden', record.done.length > 0)

    const stamps = this.find('[data-stamps]')
    stamps?.toggleAttribute('hidden', record.stamps.length === 0)
    setFigure('stamps', fillTemplate(this.labels.stamps, { count: figures.stamps, hours: String(Math.round(figures.stampHours * 10) / 10) }))
    this.renderSheet(record, figures)
    this.find('[data-stamp-list]')?.replaceChildren(
      ...record.stamps.map((stamp) =>
        element('li', fillTemplate(this.labels.stampLine, { on: stamp.on, title: stamp.title, organization: stamp.organization, hours: stamp.hours })),
      ),
    )
  }
}
