import { describe, expect, it } from 'vitest'
import { toTraditional, traditionalConverter } from './traditional.ts'

const site = 'https://gongyu.example.cn'
const simplified = `<!doctype html><html lang="zh-Hans"><head><title>亲子沟通 · 共育</title>
<link rel="canonical" href="${site}/lessons/a/">
<link rel="alternate" hreflang="zh-Hans" href="${site}/lessons/a/">
<link rel="alternate" hreflang="zh-Hant" href="${site}/zh-hant/lessons/a/">
<link rel="alternate" hreflang="x-default" href="${site}/lessons/a/">
<meta property="og:locale" content="zh_CN"><link rel="stylesheet" href="/_astro/site.css">
<script type="application/ld+json">{"url":"${site}/lessons/a/","inLanguage":"zh-Hans"}</script></head>
<body><a class="lang-switch" href="/zh-hant/lessons/a/" lang="zh-Hant" hreflang="zh-Hant">繁體中文</a>
<a href="/grades/p3/#top">三年级</a><a href="/sw-register.js">x</a><form action="/search/"></form><p>后来头发里面</p></body></html>`

describe('the Traditional copy of a page', () => {
  const page = toTraditional(simplified, { routes: new Set(['/lessons/a/', '/grades/p3/', '/search/']), site, convert: traditionalConverter() })

  it('converts the text and says it is zh-Hant', () => {
    expect(page).toContain('<html lang="zh-Hant"')
    expect(page).toContain('親子溝通')
    expect(page).toContain('後來頭髮裡面')
    expect(page).toContain('"inLanguage":"zh-Hant"')
    expect(page).toContain('content="zh_TW"')
  })

  it('links to Traditional pages, and leaves assets and alternates alone', () => {
    expect(page).toContain('href="/zh-hant/grades/p3/#top"')
    expect(page).toContain('action="/zh-hant/search/"')
    expect(page).toContain('href="/_astro/site.css"')
    expect(page).toContain('href="/sw-register.js"')
    expect(page).toContain(`rel="canonical" href="${site}/zh-hant/lessons/a/"`)
    expect(page).toContain(`"url":"${site}/zh-hant/lessons/a/"`)
    expect(page).toContain(`hreflang="zh-Hans" href="${site}/lessons/a/"`)
    expect(page).toContain(`hreflang="x-default" href="${site}/lessons/a/"`)
    expect(page).toContain(`hreflang="zh-Hant" href="${site}/zh-hant/lessons/a/"`)
  })

  it('switches back to the Simplified page', () => {
    expect(page).toContain('<a class="lang-switch" href="/lessons/a/" lang="zh-Hans" hreflang="zh-Hans">简体中文</a>')
  })
})
