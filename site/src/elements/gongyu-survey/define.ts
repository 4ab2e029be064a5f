import { GongyuSurveyElement } from './GongyuSurveyElement.ts'

/** The element's tag name. */
export const GONGYU_SURVEY_TAG = 'gongyu-survey'

/** Registers `<gongyu-survey>`; a second call (or a second copy of this script) changes nothing. */
export function defineGongyuSurvey(registry: CustomElementRegistry = customElements): void {
  if (!registry.get(GONGYU_SURVEY_TAG)) registry.define(GONGYU_SURVEY_TAG, GongyuSurveyElement)
}

declare global {
  interface HTMLElementTagNameMap {
    'gongyu-survey': GongyuSurveyElement
  }
}

defineGongyuSurvey()
