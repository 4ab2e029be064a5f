import { GongyuEventList } from './GongyuEventList.ts'

export const EVENT_LIST_TAG = 'gongyu-event-list'

/** Registers `<gongyu-event-list>`; when the script is on a page twice, the second call does nothing. */
export function defineEventList(registry: CustomElementRegistry = customElements): void {
  if (!registry.get(EVENT_LIST_TAG)) registry.define(EVENT_LIST_TAG, GongyuEventList)
}
