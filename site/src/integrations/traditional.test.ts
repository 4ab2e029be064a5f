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

describe('the Traditional wording', () => {
  const convert = traditionalConverter()

  // The words issue 14 found in mainland form on the Traditional pages, and what a Taiwan or Hong Kong reader expects.
  it.each([
    ['视频', '影片'],
    ['网络', '網路'],
    ['信息', '資訊'],
    ['屏幕', '螢幕'],
    ['搜索', '搜尋'],
    ['软件', '軟體'],
    ['打印', '列印'],
    ['聊天后', '聊天後'],
    ['吃点东西后，再写作业', '吃點東西後，再寫作業'],
    ['之后', '之後'],
    ['三天后', '三天後'],
    ['皇后', '皇后'],
    ['“先说好”', '「先說好」'],
    ['给老师发信息的小窍门', '給老師發訊息的小竅門'],
    ['在网上搜索自杀方式', '在網上搜尋自殺方式'],
    ['家里的安全角落大检查', '家裡的安全角落大檢查'],
    ['内容类型', '內容類型'],
    ['倾诉对象', '傾訴對象'],
    ['恶性循环', '惡性循環'],
    ['体育项目', '體育項目'],
    ['学校发布的文件', '學校發布的文件'],
  ])('writes %s as %s', (simplified, traditional) => {
    expect(convert(simplified)).toBe(traditional)
  })

  it('converts a whole sentence with Taiwan phrases and leaves ASCII alone', () => {
    expect(convert('和孩子聊天后，约好看视频和上网的时间，把手机屏幕的信息设置好。')).toBe('和孩子聊天後，約好看影片和上網的時間，把手機螢幕的資訊設定好。')
    expect(convert('MB 0.5')).toBe('MB 0.5')
    // Private-use characters in the input are never mistaken for the everyday words' placeholders.
    expect(convert('\ue000家长')).toBe('\ue000家長')
  })
})
