import type { MongoCompatibilityOptions } from '@gongyu/cms/database'

export type MongodbServer = 'ferretdb' | 'mongodb'

/**
 * MongoDB adapter options the test server needs. Real MongoDB needs none;
 * each FerretDB option says which FerretDB v1 gap it works around. These
 * never reach the production configuration.
 */
export function mongodbCompatibility(server: MongodbServer): MongoCompatibilityOptions {
  if (server === 'mongodb') return {}
  return {
    // Awaiting every model's index build at start-up (production's `ensureIndexes: true`)
    // never returns on FerretDB v1; mongoose's automatic index build still creates them.
    ensureIndexes: false,
  }
}
