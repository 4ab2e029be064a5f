import type { Field } from 'payload'

/** Size limits for fields that set none of their own. */
export interface InputLimits {
  /** One-line text (and email) fields without `maxLength`, in UTF-16 units as Payload counts. */
  text: number
  /** Textareas without `maxLength` (transcripts, handouts). */
  textarea: number
  /** Visible text in one rich-text field. */
  richTextChars: number
  /** Serialized Lexical JSON of one rich-text field, in UTF-8 bytes. */
  richTextBytes: number
  /** Nesting depth of one rich-text document. */
  richTextDepth: number
  /** Rows of an array or blocks field without `maxRows`. */
  arrayRows: number
}

/** Far above any real lesson (the longest seed transcript is about 1,000 characters), far below abuse. */
export const defaultInputLimits: InputLimits = {
  text: 255,
  textarea: 20_000,
  richTextChars: 100_000,
  richTextBytes: 1_000_000,
  richTextDepth: 64,
  arrayRows: 200,
}

export interface InputProblem {
  /** Payload's dotted path, e.g. `objectives.1.text`. */
  path: string
  /** The field named by its Chinese label, e.g. 「学习目标」第 2 行「目标」. */
  label: string
  message: string
}

// C0 controls, DEL and C1 controls; line feed and tab are allowed where multi-line text is.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point of this check
const oneLineControls = /[\u0000-\u001f\u007f-\u009f]/
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point of this check
const multiLineControls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/

const containerTypes = new Set(['row', 'collapsible'])

/**
 * Walks a collection's fields alongside incoming data and lists every
 * oversized value and every string with control characters. Only the
 * data present is checked, so a partial update checks what it writes.
 */
export function findInputProblems(fields: readonly Field[], data: unknown, limits: InputLimits = defaultInputLimits): InputProblem[] {
  const problems: InputProblem[] = []
  walkFields(fields, data, '', '', limits, problems)
  return problems
}

function walkFields(fields: readonly Field[], data: unknown, path: string, label: string, limits: InputLimits, problems: InputProblem[]): void {
  if (!isRecord(data)) return
  for (const field of fields) {
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name) {
          walkFields(tab.fields, data[tab.name], join(path, tab.name), label + quote(labelOf(tab.label, tab.name)), limits, problems)
        } else {
          walkFields(tab.fields, data, path, label, limits, problems)
        }
      }
      continue
    }
    if (containerTypes.has(field.type) || (field.type === 'group' && !('name' in field && field.name))) {
      walkFields((field as { fields: Field[] }).fields, data, path, label, limits, problems)
      continue
    }
    if (!('name' in field) || !field.name || field.type === 'ui') continue
    // System fields (password hashes, tokens) are written by Payload, not typed by people.
    if ('hidden' in field && field.hidden) continue
    const value = data[field.name]
    if (value === undefined || value === null) continue
    const fieldPath = join(path, field.name)
    const fieldLabel = label + quote(labelOf('label' in field ? field.label : undefined, field.name))
    checkField(field, value, fieldPath, fieldLabel, limits, problems)
  }
}

function checkField(field: Field, value: unknown, path: string, label: string, limits: InputLimits, problems: InputProblem[]): void {
  const add = (message: string) => problems.push({ path, label, message: `${label}${message}` })
  switch (field.type) {
    case 'text':
    case 'email':
    case 'textarea': {
      const multiLine = field.type === 'textarea'
      const max = ('maxLength' in field && field.maxLength) || (multiLine ? limits.textarea : limits.text)
      for (const text of Array.isArray(value) ? value : [value]) {
        if (typeof text !== 'string') continue
        if (text.length > max) add(`最多 ${max} 个字符，现在有 ${text.length} 个。`)
        const control = controlCharacterIn(text, multiLine)
        if (control) add(`含有不可见的控制字符（${control}），请删除后再保存。${multiLine ? '' : '单行文字也不能换行。'}`)
      }
      return
    }
    case 'richText':
      checkRichText(value, limits, add)
      return
    case 'array': {
      if (!Array.isArray(value)) return
      const max = field.maxRows ?? limits.arrayRows
      if (value.length > max) {
        add(`最多 ${max} 行，现在有 ${value.length} 行。`)
        return
      }
      for (const [index, row] of value.entries()) walkFields(field.fields, row, join(path, String(index)), `${label}第 ${index + 1} 行`, limits, problems)
      return
    }
    case 'blocks': {
      if (!Array.isArray(value)) return
      const max = field.maxRows ?? limits.arrayRows
      if (value.length > max) {
        add(`最多 ${max} 个区块，现在有 ${value.length} 个。`)
        return
      }
      value.forEach((row, index) => {
        const slug = isRecord(row) ? row.blockType : undefined
        const block = field.blocks.find((candidate) => typeof candidate !== 'string' && candidate.slug === slug)
        if (block && typeof block !== 'string') walkFields(block.fields, row, join(path, String(index)), `${label}第 ${index + 1} 块`, limits, problems)
      })
      return
    }
    case 'group':
      walkFields(field.fields, value, path, label, limits, problems)
      return
    case 'json':
    case 'code':
      // Machine-written (transcode state); their own validation applies.
      return
    default: {
      // Selects, relationships, dates: any string stored verbatim must still be clean.
      for (const item of Array.isArray(value) ? value : [value]) {
        const control = typeof item === 'string' ? controlCharacterIn(item, false) : undefined
        if (control) add(`含有不可见的控制字符（${control}），请删除后再保存。`)
      }
    }
  }
}

/** Checks a Lexical document: serialized size, visible text length, nesting depth and every string in it. */
function checkRichText(value: unknown, limits: InputLimits, add: (message: string) => void): void {
  let characters = 0
  let control: string | undefined
  let tooDeep = false
  // An explicit stack: a hostile document nested thousands deep must not overflow the call stack.
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }]
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number }
    if (typeof node === 'string') {
      control ??= controlCharacterIn(node, true)
      continue
    }
    if (typeof node !== 'object' || node === null) continue
    if (depth > limits.richTextDepth * 2) {
      tooDeep = true
      break
    }
    if (!Array.isArray(node) && typeof (node as { text?: unknown }).text === 'string') characters += (node as { text: string }).text.length
    for (const child of Object.values(node)) stack.push({ node: child, depth: depth + 1 })
  }
  if (tooDeep) {
    add(`层级过深（最多 ${limits.richTextDepth} 层），请简化格式。`)
    return
  }
  // Measured after the depth check: JSON.stringify recurses and would overflow on a hostile document.
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8')
  if (bytes > limits.richTextBytes) add(`内容过大：保存后有 ${formatBytes(bytes)}，最多 ${formatBytes(limits.richTextBytes)}。请拆分内容或删去多余的格式。`)
  if (characters > limits.richTextChars) add(`最多 ${limits.richTextChars} 个字，现在有 ${characters} 个。`)
  if (control) add(`含有不可见的控制字符（${control}），请删除后再保存。`)
}

/** The first control character in the text as `U+0000`, or undefined. */
export function controlCharacterIn(text: string, multiLine: boolean): string | undefined {
  const match = (multiLine ? multiLineControls : oneLineControls).exec(text)
  return match ? `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined
}

function labelOf(label: unknown, name: string): string {
  if (typeof label === 'string') return label
  if (isRecord(label) && typeof label.zh === 'string') return label.zh
  return name
}

function quote(label: string): string {
  return `「${label}」`
}

function join(path: string, name: string): string {
  return path ? `${path}.${name}` : name
}

function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.round(bytes / 1_000)} KB`
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
