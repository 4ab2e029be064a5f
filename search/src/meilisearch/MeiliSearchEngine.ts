import { Meilisearch } from 'meilisearch'
import type { SearchEngine, SearchIndexWriter, SearchResponse } from '../engine/searchResponse.ts'
import type { SearchQuery } from '../query/searchQuery.ts'
import type { PublicRecord } from '@gongyu/contract'
import { meiliKeyOf, toMeiliDocument, type MeiliDocument } from './meiliDocument.ts'
import { meiliSettings, meiliSynonyms } from './meiliSettings.ts'
import { succeeded } from './meiliTasks.ts'
import { forgetMeiliPlanner, meiliPlanner } from './meiliVocabulary.ts'
import { searchMeili } from './searchMeili.ts'

export interface MeiliConnection {
  host: string
  /** A key allowed to do what is asked: search only for the site, admin for indexing. */
  apiKey?: string
  /** The public index (`gongyu-public` by default). */
  indexUid?: string
}

export const DEFAULT_INDEX_UID = 'gongyu-public'
const BATCH_SIZE = 500

/** The Meilisearch engine: the same query model and response as the embedded one, against a hosted index. */
export class MeiliSearchEngine implements SearchEngine, SearchIndexWriter {
  readonly name = 'meilisearch' as const
  readonly client: Meilisearch
  readonly indexUid: string

  constructor(connection: MeiliConnection) {
    this.client = new Meilisearch({ host: connection.host, apiKey: connection.apiKey })
    this.indexUid = connection.indexUid ?? DEFAULT_INDEX_UID
  }

  async search(query: SearchQuery): Promise<SearchResponse> {
    return searchMeili(this.client, this.indexUid, query, query.text ? await meiliPlanner(this.client, this.indexUid) : undefined)
  }

  /** Creates the index if it is missing and applies the settings; both are safe to repeat. */
  async prepareIndex(indexUid = this.indexUid): Promise<void> {
    const exists = await this.client
      .index(indexUid)
      .getRawInfo()
      .then(
        () => true,
        (error: { cause?: { code?: string } }) => {
          if (error.cause?.code === 'index_not_found') return false
          throw error
        },
      )
    if (!exists) await succeeded(this.client.createIndex(indexUid, { primaryKey: 'key' }))
    await succeeded(this.client.index(indexUid).updateSettings(meiliSettings()))
  }

  /** Applies the synonym groups (built-in and learned) to the index, after editors accepted new ones. */
  async applySynonyms(indexUid = this.indexUid): Promise<void> {
    await succeeded(this.client.index(indexUid).updateSynonyms(meiliSynonyms()))
    forgetMeiliPlanner(this.client, indexUid)
  }

  async upsert(records: PublicRecord[], indexUid = this.indexUid): Promise<void> {
    const documents = records.map(toMeiliDocument)
    for (let start = 0; start < documents.length; start += BATCH_SIZE) {
      await succeeded(this.client.index<MeiliDocument>(indexUid).addDocuments(documents.slice(start, start + BATCH_SIZE), { primaryKey: 'key' }))
    }
    forgetMeiliPlanner(this.client, indexUid)
  }

  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return
    await succeeded(this.client.index(this.indexUid).deleteDocuments(ids.map(meiliKeyOf)))
    forgetMeiliPlanner(this.client, this.indexUid)
  }

  /**
   * Rebuilds into a fresh index and swaps it in, so searches keep working
   * on the old index until the new one is complete; the old one is then deleted.
   */
  async replaceAll(records: PublicRecord[]): Promise<void> {
    await this.prepareIndex()
    const freshIndexUid = `${this.indexUid}-${Date.now()}`
    await this.prepareIndex(freshIndexUid)
    await this.upsert(records, freshIndexUid)
    await succeeded(this.client.swapIndexes([{ indexes: [this.indexUid, freshIndexUid], rename: false }]))
    await succeeded(this.client.deleteIndex(freshIndexUid))
    forgetMeiliPlanner(this.client, this.indexUid)
  }
}
