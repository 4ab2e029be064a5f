import { surveyAnswerKind } from '../collections/SurveyAnswers/surveyAnswerKind'
import { needSignalWrite } from '../collections/NeedSignals/needSignalWrite'
import type { AnonymousWriteKind } from './anonymousWriteKind'

/**
 * Every kind the anonymous endpoint accepts, one line each. Each kind has its
 * own value type; the endpoint only passes a kind's parsed value back to that
 * kind's own `store`, so the list holds them without a common value type.
 */
// biome-ignore lint/suspicious/noExplicitAny: an existential list: each kind's schema output only ever reaches its own store
export const anonymousWriteKinds: readonly AnonymousWriteKind<any>[] = [surveyAnswerKind, needSignalWrite]
