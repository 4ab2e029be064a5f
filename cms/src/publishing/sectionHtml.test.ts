import { describe, expect, it } from 'vitest'
import { forgedUploadNodes, hostileRichText, payloadText, textPayloads } from '../../../tests/fixtures/xssPayloads.ts'
import type { MediaLookup, PublicMedia } from './mediaLookup'
import { htmlOf } from './sectionHtml'

const pdf: PublicMedia = { url: '/api/media/file/handout.pdf', alt: '学习单', filename: 'handout.pdf', mimeType: 'application/pdf', width: null, height: null }
const png: PublicMedia = { url: '/api/media/file/diagram.png', alt: '示意图', filename: 'diagram.png', mimeType: 'image/png', width: 640, height: 480 }
const media: MediaLookup = (value) => {
  const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : value
  return id === 1 ? pdf : id === 2 ? png : undefined
}

const bodyOf = (...children: unknown[]) => ({ root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children } })
const upload = (value: unknown, relationTo = 'media') => ({ type: 'upload', version: 3, format: '', id: 'u', fields: null, relationTo, value })

/** The start tags of sanitized HTML: text there has `<` escaped, so every `<x …>` is a real tag. */
function tagsIn(html: string): string[] {
  return [...html.matchAll(/<[a-z][^<>]*>/gi)].map((match) => match[0])
}

/** Every href/src value in the HTML's tags, with the sanitizer's `&amp;` undone. */
function urlsIn(html: string): string[] {
  return tagsIn(html).flatMap((tag) => [...tag.matchAll(/\s(?:href|src|srcset|action|formaction)="([^"]*)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&')))
}

describe('htmlOf with upload nodes', () => {
  it('renders an upload from the media document it names, never from the node’s own value', () => {
    expect(htmlOf(bodyOf(upload(1)), media)).toBe('<a href="/api/media/file/handout.pdf">handout.pdf</a>')
    expect(htmlOf(bodyOf(upload({ id: 1, url: 'javascript:alert(1)', filename: '<b>x</b>', mimeType: 'application/pdf' })), media)).toBe(
      '<a href="/api/media/file/handout.pdf">handout.pdf</a>',
    )
    expect(htmlOf(bodyOf(upload(2)), media)).toBe('<img src="/api/media/file/diagram.png" alt="示意图" width="640" height="480" loading="lazy" />')
  })

  it('renders nothing for an unknown id, a forged object, another collection or no lookup', () => {
    for (const node of forgedUploadNodes()) expect(htmlOf(bodyOf(node), media), JSON.stringify(node)).toBe('')
    expect(htmlOf(bodyOf(upload(1, 'users')), media)).toBe('')
    expect(htmlOf(bodyOf(upload(1)))).toBe('')
  })
})

describe('htmlOf with the XSS corpus', () => {
  const html = htmlOf(hostileRichText(textPayloads.map((_, index) => payloadText(index))), media)

  it('keeps every payload as text', () => {
    expect(html).toContain('&lt;script&gt;__xss(1)&lt;/script&gt;')
    expect(html).toContain('恶意80')
  })

  it('puts no script, handler or non-http(s) URL into the HTML', () => {
    expect(html).not.toMatch(/<(script|iframe|object|embed|svg|math|style|base|meta|form|input|template)\b/i)
    expect(tagsIn(html).filter((tag) => /\son[a-z]+=/i.test(tag))).toEqual([])
    const urls = urlsIn(html)
    expect(urls.length).toBeGreaterThan(0)
    for (const url of urls) expect(url, url).toMatch(/^(https?:\/\/|\/(?![/\\])|#)/i)
  })
})
