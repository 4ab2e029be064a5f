import { countCharacters, splitSections } from '../content/markdown.ts'
import type { ContentFile } from '../content/readContent.ts'
import type { ContentProblem } from './problem.ts'

/** Collects field problems for one content file. */
export class FieldChecker {
  readonly problems: ContentProblem[] = []
  private readonly item: ContentFile

  constructor(item: ContentFile) {
    this.item = item
  }

  private fail(field: string, message: string): void {
    this.problems.push({ file: this.item.file, field, message })
  }

  text(field: string, options: { min?: number; max?: number; optional?: boolean } = {}): void {
    const value = this.item.data[field]
    if (value === undefined || value === null || value === '') {
      if (!options.optional) this.fail(field, '必填')
      return
    }
    if (typeof value !== 'string') return this.fail(field, '应为文本')
    const length = countCharacters(value)
    if (options.min !== undefined && length < options.min) this.fail(field, `${length} 字，至少 ${options.min} 字`)
    if (options.max !== undefined && length > options.max) this.fail(field, `${length} 字，最多 ${options.max} 字`)
  }

  integer(field: string, min: number, max: number): void {
    const value = this.item.data[field]
    if (value === undefined) return this.fail(field, '必填')
    if (typeof value !== 'number' || !Number.isInteger(value)) return this.fail(field, '应为整数')
    if (value < min || value > max) this.fail(field, `应在 ${min}–${max} 之间，现为 ${value}`)
  }

  code(field: string, allowed: readonly string[]): void {
    const value = this.item.data[field]
    if (value === undefined) return this.fail(field, '必填')
    if (typeof value !== 'string' || !allowed.includes(value)) {
      this.fail(field, `未知取值 ${JSON.stringify(value)}，可选：${allowed.join(' / ')}`)
    }
  }

  list(field: string, options: { min: number; max: number; itemMin?: number; allowed?: readonly string[] }): unknown[] {
    const value = this.item.data[field]
    if (value === undefined) {
      if (options.min > 0) this.fail(field, '必填')
      return []
    }
    if (!Array.isArray(value)) {
      this.fail(field, '应为列表')
      return []
    }
    if (value.length < options.min || value.length > options.max) {
      this.fail(field, `应有 ${options.min}–${options.max} 项，现为 ${value.length} 项`)
    }
    value.forEach((entry, index) => {
      if (options.allowed) {
        if (typeof entry !== 'string' || !options.allowed.includes(entry)) {
          this.fail(`${field}[${index}]`, `未知取值 ${JSON.stringify(entry)}`)
        }
      } else if (options.itemMin !== undefined) {
        if (typeof entry !== 'string' || countCharacters(entry) < options.itemMin) {
          this.fail(`${field}[${index}]`, `应为至少 ${options.itemMin} 字的文本`)
        }
      }
    })
    if (new Set(value.map((entry) => JSON.stringify(entry))).size !== value.length) this.fail(field, '有重复项')
    return value
  }

  /** Checks the body's `## ` sections: the required headings in order, each with a minimum length. */
  sections(required: readonly { heading: string; min: number }[], total: { min: number; max?: number }): void {
    const sections = splitSections(this.item.body)
    const headings = sections.map((section) => section.heading)
    const expected = required.map((section) => section.heading)
    if (JSON.stringify(headings) !== JSON.stringify(expected)) {
      this.fail('正文', `小节应依次为「${expected.join(' / ')}」，现为「${headings.join(' / ') || '无'}」`)
    }
    for (const rule of required) {
      const section = sections.find((candidate) => candidate.heading === rule.heading)
      if (!section) continue
      const length = countCharacters(section.text)
      if (length < rule.min) this.fail(`正文 › ${rule.heading}`, `${length} 字，至少 ${rule.min} 字`)
    }
    const length = countCharacters(sections.map((section) => section.text).join('\n'))
    if (length < total.min) this.fail('正文', `共 ${length} 字，至少 ${total.min} 字`)
    if (total.max !== undefined && length > total.max) this.fail('正文', `共 ${length} 字，最多 ${total.max} 字`)
  }

  /** Checks a body with no required sections. */
  bodyLength(min: number, max?: number): void {
    const length = countCharacters(this.item.body)
    if (length < min) this.fail('正文', `${length} 字，至少 ${min} 字`)
    if (max !== undefined && length > max) this.fail('正文', `${length} 字，最多 ${max} 字`)
  }
}
