import { GongyuLessonCard } from './GongyuLessonCard.ts'

export const LESSON_CARD_TAG = 'gongyu-lesson-card'

/** Registers `<gongyu-lesson-card>`; a second call does nothing. */
export function defineLessonCard(registry: CustomElementRegistry = customElements): void {
  if (!registry.get(LESSON_CARD_TAG)) registry.define(LESSON_CARD_TAG, GongyuLessonCard)
}
