/** How the visitor sent the answer, which decides how the endpoint answers back. */
export type AnonymousBodyFormat = 'json' | 'form'

export type ParsedAnonymousBody = { format: AnonymousBodyFormat; fields: Record<string, unknown> } | { problem: string; status: 400 | 415 }

/**
 * Reads a JSON object or a urlencoded form (the site's form without
 * JavaScript). A form field given twice is refused rather than guessed at.
 */
export function parseAnonymousBody(contentType: string, bytes: Uint8Array): ParsedAnonymousBody {
  const type = contentType.replace(/\s/g, '').toLowerCase().split(';', 1)[0] ?? ''
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch (error) {
    if (error instanceof TypeError) return { status: 400, problem: '提交的内容不是 UTF-8 编码，请用手机浏览器重新打开问卷再提交。' }
    throw error
  }
  if (type === 'application/json') {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch (error) {
      if (error instanceof SyntaxError) return { status: 400, problem: '请求内容不是有效的 JSON，请检查后重试。' }
      throw error
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { status: 400, problem: '请求内容必须是一个 JSON 对象。' }
    return { format: 'json', fields: parsed as Record<string, unknown> }
  }
  if (type === 'application/x-www-form-urlencoded') {
    const fields: Record<string, unknown> = {}
    for (const [name, value] of new URLSearchParams(text)) {
      if (Object.hasOwn(fields, name)) return { status: 400, problem: `表单里的「${name.slice(0, 20)}」出现了不止一次，请重新打开问卷再提交。` }
      fields[name] = value
    }
    return { format: 'form', fields }
  }
  return { status: 415, problem: '只接受网页表单或 JSON 格式的提交。' }
}
