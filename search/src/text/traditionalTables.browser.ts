import type { ConversionConfigs } from './conversionConfig.ts'

// The browser's copy of traditionalTables.ts: opencc-js's whole dictionaries (about 50 KB gzip) are a
// chunk of their own, fetched only when a text has characters the everyday dictionaries do not cover
// (a Traditional query, the Traditional page's titles), so a Simplified query on a slow phone does not wait for them.

let loaded: ConversionConfigs | undefined
let pending: Promise<ConversionConfigs> | undefined

/** The whole dictionaries, when they are loaded. */
export function traditionalTables(): ConversionConfigs | undefined {
  return loaded
}

/** Loads the whole dictionaries once; after a failed load (no network) the next call tries again. */
export function loadTraditionalTables(): Promise<ConversionConfigs> {
  if (!pending) {
    pending = import('opencc-js/preset/t2cn').then(({ configs }) => {
      loaded = configs as unknown as ConversionConfigs
      return loaded
    })
    pending.catch(() => {
      pending = undefined
    })
  }
  return pending
}
