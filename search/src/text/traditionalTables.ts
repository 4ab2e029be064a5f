import { configs } from 'opencc-js/preset/t2cn'
import type { ConversionConfigs } from './conversionConfig.ts'

// In Node (and wherever the package is not bundled for a browser) opencc-js's whole Traditional → Simplified
// dictionaries are there from the start, so conversion stays synchronous for the index build and the CMS.
// The browser's copy (traditionalTables.browser.ts, chosen by the `browser` condition of package.json's
// `#traditional-tables`) loads them only when a text needs them.

const loaded = configs as unknown as ConversionConfigs

/** The whole dictionaries, when they are loaded. */
export function traditionalTables(): ConversionConfigs | undefined {
  return loaded
}

/** Loads the whole dictionaries (here they are loaded already). */
export function loadTraditionalTables(): Promise<ConversionConfigs> {
  return Promise.resolve(loaded)
}
