/** An origin a school's website is served from: scheme, host and optional port, nothing else. */
export function validateOrigin(value: string | null | undefined): true | string {
  if (!value) return '请填写网站来源，例如 https://www.example-school.cn'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return `「${value}」不是有效的网址。请填写形如 https://www.example-school.cn 的来源。`
  }
  if (!['http:', 'https:'].includes(url.protocol)) return `「${value}」必须以 http:// 或 https:// 开头。`
  if (url.origin !== value.replace(/\/$/, '')) return `「${value}」只能包含协议、域名和端口，不能带路径或参数。`
  return true
}
