import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request the fake received, for asserting order and content. */
export interface RecordedRequest {
  method: string
  path: string
  query: URLSearchParams
  body: unknown
  authorization: string | undefined
}

type Task = {
  uid: number
  indexUid: string | null
  status: 'succeeded' | 'failed'
  type: string
  error: { message: string; code: string; type: string; link: string } | null
}

// Settings keys and locales as the Meilisearch API reference lists them (v1.x).
const SETTINGS_KEYS = new Set([
  'displayedAttributes',
  'searchableAttributes',
  'filterableAttributes',
  'sortableAttributes',
  'rankingRules',
  'stopWords',
  'nonSeparatorTokens',
  'separatorTokens',
  'dictionary',
  'synonyms',
  'distinctAttribute',
  'proximityPrecision',
  'typoTolerance',
  'faceting',
  'pagination',
  'embedders',
  'searchCutoffMs',
  'localizedAttributes',
  'facetSearch',
  'prefixSearch',
])
const CHINESE_LOCALES = new Set(['zho', 'cmn', 'zh'])
const SEARCH_PARAMS = new Set([
  'q',
  'offset',
  'limit',
  'page',
  'hitsPerPage',
  'filter',
  'facets',
  'attributesToRetrieve',
  'attributesToCrop',
  'cropLength',
  'cropMarker',
  'attributesToHighlight',
  'highlightPreTag',
  'highlightPostTag',
  'showMatchesPosition',
  'sort',
  'matchingStrategy',
  'showRankingScore',
  'attributesToSearchOn',
  'locales',
  'distinct',
  'rankingScoreThreshold',
])
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,511}$/
const FILTER_CLAUSE = /^[A-Za-z]+ = "(?:[^"\\]|\\.)*"$/
const KEY_ACTIONS = new Set([
  'search',
  'documents.add',
  'documents.get',
  'documents.delete',
  'indexes.create',
  'indexes.get',
  'indexes.update',
  'indexes.delete',
  'indexes.swap',
  'tasks.get',
  'settings.get',
  'settings.update',
  'keys.get',
  'keys.create',
  '*',
])

/**
 * An in-process stand-in for a Meilisearch server that implements the
 * documented HTTP API the adapter uses (indexes, settings, documents,
 * tasks, swap, keys, search) and refuses requests the real server would
 * refuse, so a wrong call is caught without a server. It is not a search
 * engine: search returns stored documents that pass the filter.
 */
export class FakeMeilisearch {
  readonly requests: RecordedRequest[] = []
  /** Every endpoint answers 503, as during an outage. */
  down = false
  /** Document additions end as failed tasks (as when the disk is full). */
  failDocumentTasks = false
  readonly indexes = new Map<string, { primaryKey: string | null; settings: Record<string, unknown>; documents: Map<string, Record<string, unknown>> }>()
  readonly keys: Record<string, unknown>[] = []
  private readonly tasks = new Map<number, Task>()
  private nextTaskUid = 0
  private server: Server | undefined
  url = ''

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      this.handle(request).then(
        ({ status, body }) => {
          response.writeHead(status, { 'content-type': 'application/json' })
          response.end(body === undefined ? '' : JSON.stringify(body))
        },
        (error: Error) => {
          response.writeHead(500, { 'content-type': 'application/json' })
          response.end(JSON.stringify({ message: error.message, code: 'internal', type: 'internal', link: '' }))
        },
      )
    })
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()))
  }

  /** Requests to one path pattern, e.g. `PATCH /indexes/gongyu-public/settings`. */
  calls(methodAndPath: string): RecordedRequest[] {
    return this.requests.filter((request) => `${request.method} ${request.path}` === methodAndPath)
  }

  private async handle(request: IncomingMessage): Promise<{ status: number; body?: unknown }> {
    const url = new URL(request.url ?? '/', 'http://fake')
    const raw = await new Promise<string>((resolve) => {
      let text = ''
      request.on('data', (chunk: Buffer) => {
        text += chunk.toString('utf8')
      })
      request.on('end', () => resolve(text))
    })
    const body = raw ? (JSON.parse(raw) as unknown) : undefined
    this.requests.push({ method: request.method ?? 'GET', path: url.pathname, query: url.searchParams, body, authorization: request.headers.authorization })
    if (this.down) return { status: 503, body: undefined }
    return this.route(request.method ?? 'GET', url.pathname.split('/').filter(Boolean), url.searchParams, body)
  }

  private error(status: number, code: string, message: string) {
    return { status, body: { message, code, type: 'invalid_request', link: `https://docs.meilisearch.com/errors#${code}` } }
  }

  private enqueue(indexUid: string | null, type: string, run: () => string | undefined): { status: number; body: unknown } {
    const uid = this.nextTaskUid++
    const failure = run()
    this.tasks.set(uid, {
      uid,
      indexUid,
      type,
      status: failure ? 'failed' : 'succeeded',
      error: failure ? { message: failure, code: 'invalid_document_id', type: 'invalid_request', link: '' } : null,
    })
    return { status: 202, body: { taskUid: uid, indexUid, status: 'enqueued', type, enqueuedAt: new Date().toISOString() } }
  }

  private route(method: string, parts: string[], query: URLSearchParams, body: unknown): { status: number; body?: unknown } {
    const [root, uid, sub, action] = parts
    if (method === 'GET' && root === 'health') return { status: 200, body: { status: 'available' } }
    if (method === 'GET' && root === 'tasks' && uid) {
      const task = this.tasks.get(Number(uid))
      if (!task) return this.error(404, 'task_not_found', `Task \`${uid}\` not found.`)
      const now = new Date().toISOString()
      return {
        status: 200,
        body: { ...task, batchUid: null, canceledBy: null, details: {}, duration: 'PT0.001S', enqueuedAt: now, startedAt: now, finishedAt: now },
      }
    }
    if (method === 'POST' && root === 'indexes' && !uid) {
      const { uid: newUid, primaryKey } = body as { uid: string; primaryKey?: string }
      return this.enqueue(newUid, 'indexCreation', () => {
        if (this.indexes.has(newUid)) return `Index \`${newUid}\` already exists.`
        this.indexes.set(newUid, { primaryKey: primaryKey ?? null, settings: {}, documents: new Map() })
        return undefined
      })
    }
    if (root === 'indexes' && uid && !sub) {
      const index = this.indexes.get(uid)
      if (method === 'GET')
        return index
          ? { status: 200, body: { uid, primaryKey: index.primaryKey, createdAt: '', updatedAt: '' } }
          : this.error(404, 'index_not_found', `Index \`${uid}\` not found.`)
      if (method === 'DELETE') return this.enqueue(uid, 'indexDeletion', () => (this.indexes.delete(uid) ? undefined : `Index \`${uid}\` not found.`))
    }
    if (method === 'PATCH' && root === 'indexes' && uid && sub === 'settings') {
      const settings = body as Record<string, unknown>
      const unknown = Object.keys(settings).filter((key) => !SETTINGS_KEYS.has(key))
      if (unknown.length > 0) return this.error(400, 'bad_request', `Unknown field \`${unknown[0]}\``)
      const localized = (settings.localizedAttributes ?? []) as { locales: string[] }[]
      const badLocale = localized.flatMap((rule) => rule.locales).find((locale) => !CHINESE_LOCALES.has(locale) && !/^[a-z]{3}$/.test(locale))
      if (badLocale) return this.error(400, 'invalid_settings_localized_attributes', `Unknown value \`${badLocale}\` at \`.localizedAttributes[0].locales[0]\``)
      return this.enqueue(uid, 'settingsUpdate', () => {
        const index = this.indexes.get(uid) ?? { primaryKey: null, settings: {}, documents: new Map() }
        this.indexes.set(uid, index)
        Object.assign(index.settings, settings)
        return undefined
      })
    }
    if (method === 'POST' && root === 'indexes' && uid && sub === 'documents' && !action) {
      if (!Array.isArray(body)) return this.error(400, 'malformed_payload', 'The payload must be an array of documents.')
      return this.enqueue(uid, 'documentAdditionOrUpdate', () => {
        if (this.failDocumentTasks) return 'Simulated failure: the document addition failed.'
        const index = this.indexes.get(uid) ?? { primaryKey: null, settings: {}, documents: new Map() }
        this.indexes.set(uid, index)
        index.primaryKey ??= query.get('primaryKey')
        const key = index.primaryKey ?? 'id'
        const bad = (body as Record<string, unknown>[]).find((document) => !DOCUMENT_ID.test(String(document[key])))
        if (bad) return `Document identifier \`${String(bad[key])}\` is invalid.`
        for (const document of body as Record<string, unknown>[]) index.documents.set(String(document[key]), document)
        return undefined
      })
    }
    if (method === 'POST' && root === 'indexes' && uid && sub === 'documents' && action === 'delete-batch') {
      if (!Array.isArray(body)) return this.error(400, 'malformed_payload', 'The payload must be an array of document ids.')
      return this.enqueue(uid, 'documentDeletion', () => {
        for (const id of body as string[]) this.indexes.get(uid)?.documents.delete(String(id))
        return undefined
      })
    }
    if (method === 'POST' && root === 'swap-indexes') {
      const swaps = body as { indexes: [string, string]; rename?: boolean }[]
      if (!Array.isArray(swaps) || swaps.some((swap) => !Array.isArray(swap.indexes) || swap.indexes.length !== 2))
        return this.error(400, 'invalid_swap_indexes', 'Two indexes are needed per swap.')
      return this.enqueue(null, 'indexSwap', () => {
        for (const {
          indexes: [a, b],
        } of swaps) {
          const first = this.indexes.get(a)
          const second = this.indexes.get(b)
          if (!first || !second) return `Indexes \`${a}\` and \`${b}\` must both exist.`
          this.indexes.set(a, second)
          this.indexes.set(b, first)
        }
        return undefined
      })
    }
    if (root === 'keys' && !uid) {
      if (method === 'GET') return { status: 200, body: { results: this.keys, offset: 0, limit: Number(query.get('limit') ?? 20), total: this.keys.length } }
      if (method === 'POST') {
        const options = body as { actions: string[]; indexes: string[]; expiresAt: string | null; description?: string }
        if (!Array.isArray(options.actions) || options.actions.some((actionName) => !KEY_ACTIONS.has(actionName)))
          return this.error(400, 'invalid_api_key_actions', 'Unknown action.')
        if (!Array.isArray(options.indexes) || !('expiresAt' in options))
          return this.error(400, 'missing_api_key_indexes', '`indexes` and `expiresAt` are required.')
        const key = {
          ...options,
          name: null,
          uid: `00000000-0000-4000-8000-${String(this.keys.length).padStart(12, '0')}`,
          key: `search-key-${this.keys.length}`,
          createdAt: new Date().toISOString(),
          updatedAt: new Date().toISOString(),
        }
        this.keys.push(key)
        return { status: 201, body: key }
      }
    }
    if (method === 'POST' && root === 'indexes' && uid && sub === 'search') return this.search(uid, body as Record<string, unknown>)
    return this.error(404, 'not_found', `${method} /${parts.join('/')} is not part of the API.`)
  }

  private search(uid: string, params: Record<string, unknown>): { status: number; body?: unknown } {
    const index = this.indexes.get(uid)
    if (!index) return this.error(404, 'index_not_found', `Index \`${uid}\` not found.`)
    const unknown = Object.keys(params).filter((key) => !SEARCH_PARAMS.has(key))
    if (unknown.length > 0) return this.error(400, 'bad_request', `Unknown parameter \`${unknown[0]}\``)
    const locales = (params.locales ?? []) as string[]
    if (locales.some((locale) => !CHINESE_LOCALES.has(locale))) return this.error(400, 'invalid_search_locales', `Unknown locale \`${locales[0]}\``)
    const filter = (params.filter ?? []) as (string | string[])[]
    const clauses = filter.flatMap((group) => (Array.isArray(group) ? group : [group]))
    if (clauses.some((clause) => !FILTER_CLAUSE.test(clause))) return this.error(400, 'invalid_search_filter', 'Invalid filter.')
    const filterable = (index.settings.filterableAttributes ?? []) as string[]
    const attributeOf = (clause: string) => clause.slice(0, clause.indexOf(' '))
    const notFilterable = clauses.map(attributeOf).find((attribute) => !filterable.includes(attribute))
    if (notFilterable) return this.error(400, 'invalid_search_filter', `Attribute \`${notFilterable}\` is not filterable.`)
    const sortable = (index.settings.sortableAttributes ?? []) as string[]
    const badSort = ((params.sort ?? []) as string[]).find((rule) => !sortable.includes(rule.split(':')[0] ?? ''))
    if (badSort) return this.error(400, 'invalid_search_sort', `Attribute \`${badSort}\` is not sortable.`)
    const quotedValueOf = (clause: string) => JSON.parse(clause.slice(clause.indexOf('"'))) as string
    const matches = [...index.documents.values()].filter((document) =>
      filter.every((group) =>
        (Array.isArray(group) ? group : [group]).some((clause) => [document[attributeOf(clause)]].flat().includes(quotedValueOf(clause))),
      ),
    )
    const hitsPerPage = Number(params.hitsPerPage ?? 20)
    const page = Number(params.page ?? 1)
    const q = String(params.q ?? '')
    const pre = String(params.highlightPreTag ?? '<em>')
    const post = String(params.highlightPostTag ?? '</em>')
    const mark = (text: unknown) => (typeof text === 'string' && q ? text.split(q).join(`${pre}${q}${post}`) : text)
    const hits = matches
      .slice((page - 1) * hitsPerPage, page * hitsPerPage)
      .map((document) => ({ ...document, _formatted: { ...document, title: mark(document.title), bodyText: mark(document.bodyText) } }))
    const facetDistribution: Record<string, Record<string, number>> = {}
    for (const facet of (params.facets ?? []) as string[]) {
      facetDistribution[facet] = {}
      for (const document of matches)
        for (const value of [document[facet]].flat())
          if (value !== null && value !== undefined) facetDistribution[facet][String(value)] = (facetDistribution[facet][String(value)] ?? 0) + 1
    }
    return {
      status: 200,
      body: {
        hits,
        query: q,
        processingTimeMs: 1,
        hitsPerPage,
        page,
        totalPages: Math.ceil(matches.length / hitsPerPage),
        totalHits: matches.length,
        facetDistribution,
      },
    }
  }
}
