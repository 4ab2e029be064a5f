import { describe, expect, it } from 'vitest'
import { hostCsp, snippetNodes, widgetSnippet, type EmbedChoice, type EmbedContext } from './snippet.ts'

const context: EmbedContext = { site: 'https://gongyu.example.cn/', widgets: { path: '/widgets/v1/gongyu-widgets.0123456789.js', integrity: 'sha384-abc+/=' } }
const choice: EmbedChoice = {
  what: 'course-list',
  slug: 'list-urban-kindergarten-year',
  title: '阳光花园幼儿园家长课堂全年安排',
  variant: 'script',
  layout: 'cards',
  count: 5,
  script: 'hans',
  searchMode: 'site',
}

describe('the embed snippet', () => {
  it('is the element with a fallback link, then the versioned script with its SRI hash', () => {
    expect(widgetSnippet(choice, context)).toBe(
      [
        '<gongyu-course-list list="list-urban-kindergarten-year" layout="cards" script="hans" count="5">',
        '  <a href="https://gongyu.example.cn/course-lists/list-urban-kindergarten-year/">阳光花园幼儿园家长课堂全年安排</a>',
        '</gongyu-course-list>',
        '<script src="https://gongyu.example.cn/widgets/v1/gongyu-widgets.0123456789.js" integrity="sha384-abc+/=" crossorigin="anonymous" defer></script>',
      ].join('\n'),
    )
  })

  it('escapes every value, so a hostile title stays text', () => {
    const snippet = widgetSnippet({ ...choice, title: '<img src=x onerror=alert(1)>"\'&' }, context)
    expect(snippet).toContain('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;</a>')
    expect(snippet).not.toContain('<img')
  })

  it('makes an iframe with the options in its query, the Traditional page and the resizer script', () => {
    const [frame, script] = snippetNodes({ ...choice, variant: 'iframe', script: 'hant' }, context)
    expect(frame?.tag).toBe('iframe')
    expect(Object.fromEntries(frame?.attributes ?? [])).toMatchObject({
      src: 'https://gongyu.example.cn/zh-hant/embed/course-lists/list-urban-kindergarten-year/?count=5&layout=cards',
      'data-gongyu-embed': '',
      height: '600',
    })
    expect(script?.tag).toBe('script')
    expect(hostCsp({ ...choice, variant: 'iframe' }, context)).toEqual(['frame-src https://gongyu.example.cn', 'script-src https://gongyu.example.cn'])
  })

  it('names Meilisearch in the search box and in connect-src only for inline results', () => {
    const withMeili = { ...context, meilisearch: { host: 'https://search.example.cn', key: 'search-only', index: 'gongyu-public' } }
    const inline = { ...choice, what: 'search' as const, slug: '', title: '搜索', searchMode: 'inline' as const }
    expect(widgetSnippet(inline, withMeili)).toContain('meili-host="https://search.example.cn" meili-key="search-only" meili-index="gongyu-public"')
    expect(hostCsp(inline, withMeili)).toEqual(['script-src https://gongyu.example.cn', 'connect-src https://gongyu.example.cn https://search.example.cn'])
    expect(hostCsp({ ...inline, searchMode: 'site' }, withMeili)).toEqual(['script-src https://gongyu.example.cn'])
    expect(widgetSnippet({ ...inline, searchMode: 'site' }, withMeili)).not.toContain('meili')
  })

  it('makes a lesson card from type:slug', () => {
    const card = widgetSnippet({ ...choice, what: 'lesson', slug: 'micro-lesson:micro-k1-goodbye-ritual', title: '说再见' }, context)
    expect(card).toContain('<gongyu-lesson-card lesson="micro-k1-goodbye-ritual" type="micro-lesson" script="hans">')
    expect(card).toContain('href="https://gongyu.example.cn/micro-lessons/micro-k1-goodbye-ritual/"')
  })
})
