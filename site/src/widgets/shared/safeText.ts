// Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069),
// the marks U+200E/U+200F/U+061C, and C0/C1 controls except tab and newline.
// A title carrying U+202E could show reversed text (“exe.txt” tricks); Chinese
// titles never need these, so they are removed rather than balanced.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this removes.
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g

/** Text from a feed made safe to show: a string, without bidi or control characters, at most `max` characters. */
export function safeText(value: unknown, max = 400): string {
  if (typeof value !== 'string') return ''
  const text = value.replace(UNSAFE_CHARACTERS, '').trim()
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}
