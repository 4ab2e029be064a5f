import { GongyuProgress } from './GongyuProgress.ts'

/** The element's tag name. */
export const GONGYU_PROGRESS_TAG = 'gongyu-progress'

/** Registers `<gongyu-progress>`; a second call (or a second copy of this script) changes nothing. */
export function defineGongyuProgress(registry: CustomElementRegistry = customElements): void {
  if (!registry.get(GONGYU_PROGRESS_TAG)) registry.define(GONGYU_PROGRESS_TAG, GongyuProgress)
}

declare global {
  interface HTMLElementTagNameMap {
    'gongyu-progress': GongyuProgress
  }
}

defineGongyuProgress()
