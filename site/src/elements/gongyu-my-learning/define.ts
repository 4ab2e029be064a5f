import { GongyuMyLearning } from './GongyuMyLearning.ts'

/** The element's tag name. */
export const GONGYU_MY_LEARNING_TAG = 'gongyu-my-learning'

/** Registers `<gongyu-my-learning>`; a second call (or a second copy of this script) changes nothing. */
export function defineGongyuMyLearning(registry: CustomElementRegistry = customElements): void {
  if (!registry.get(GONGYU_MY_LEARNING_TAG)) registry.define(GONGYU_MY_LEARNING_TAG, GongyuMyLearning)
}

declare global {
  interface HTMLElementTagNameMap {
    'gongyu-my-learning': GongyuMyLearning
  }
}

defineGongyuMyLearning()
