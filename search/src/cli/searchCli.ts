// `npm run search -- "孩子玩手机" --grade p3 --type lesson --json`: ranked results for operators and debugging.
// With no query, reads one query per line from stdin and writes one JSON line per query.
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { buildEmbeddedSearch } from '../embedded/buildEmbeddedSearch.ts'
import { searchEngineChoice, searchEngineFromEnv } from '../engineFromEnv.ts'
import type { SearchEngine, SearchResponse } from '../engine/searchResponse.ts'
import { parseSearchQuery, SearchQueryError, type SearchQueryInput } from '../query/searchQuery.ts'
import { readPublishedExport } from './publishedExport.ts'

const filterOptions = ['type', 'stage', 'grade', 'theme', 'audience', 'category', 'family-situation'] as const

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    ...Object.fromEntries(filterOptions.map((name) => [name, { type: 'string' as const }])),
    sort: { type: 'string' },
    page: { type: 'string' },
    'page-size': { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
})

if (values.help) {
  console.log(`用法：npm run search -- "搜索词" [--type lesson] [--stage primary] [--grade p3] [--theme communication]
       [--audience parents] [--category basic] [--family-situation left-behind] [--sort relevance|grade|newest]
       [--page 1] [--page-size 10] [--json]
不带搜索词时，从标准输入每行读一个搜索词，每行输出一个 JSON 结果。
设置 MEILI_HOST 时查询 Meilisearch，否则用内置引擎（读取 npm run export 的导出文件）。`)
  process.exit(0)
}

const options = values as Record<string, string | boolean | undefined>
function inputFor(text: string): SearchQueryInput {
  return {
    q: text,
    type: options.type as string | undefined,
    stage: options.stage as string | undefined,
    grade: options.grade as string | undefined,
    theme: options.theme as string | undefined,
    audience: options.audience as string | undefined,
    category: options.category as string | undefined,
    familySituation: options['family-situation'] as string | undefined,
    sort: options.sort as string | undefined,
    page: options.page as string | undefined,
    pageSize: options['page-size'] as string | undefined,
  }
}

function printReadable(response: SearchResponse): void {
  console.log(`引擎：${response.engine}　共 ${response.total} 条，第 ${response.page}/${Math.max(1, response.totalPages)} 页`)
  response.hits.forEach((hit, index) => {
    const rank = (response.page - 1) * response.pageSize + index + 1
    console.log(`${String(rank).padStart(3)}. [${hit.type}] ${hit.title}　${hit.grades.join(',')}　${hit.url}`)
  })
}

async function run(engine: SearchEngine, text: string): Promise<SearchResponse> {
  return engine.search(parseSearchQuery(inputFor(text)))
}

try {
  const engine = await searchEngineFromEnv(() => buildEmbeddedSearch(readPublishedExport().records))
  if (positionals.length > 0) {
    const response = await run(engine, positionals.join(' '))
    if (options.json) console.log(JSON.stringify(response, null, 2))
    else printReadable(response)
  } else {
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      if (line.trim() === '') continue
      try {
        console.log(JSON.stringify(await run(engine, line)))
      } catch (error) {
        if (!(error instanceof SearchQueryError)) throw error
        console.log(JSON.stringify({ query: line, error: { field: error.field, message: error.message } }))
      }
    }
  }
} catch (error) {
  if (error instanceof SearchQueryError) {
    console.error(`搜索条件有误：${error.message}`)
    process.exit(2)
  }
  console.error(`搜索失败（${searchEngineChoice().kind}）：${(error as Error).message}`)
  process.exit(1)
}
