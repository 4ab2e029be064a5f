import { GongyuSearchBox } from './GongyuSearchBox.ts'

export const SEARCH_BOX_TAG = 'gongyu-search-box'

/** Registers `<gongyu-search-box>`; a second call does nothing. */
export function defineSearchBox(registry: CustomElementRegistry = customElements): void {
  if (!registry.get(SEARCH_BOX_TAG)) registry.define(SEARCH_BOX_TAG, GongyuSearchBox)
}
