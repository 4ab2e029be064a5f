import type { Payload } from 'payload'
import type { RouteHandler } from '../http/guardApiRequest'
import { anonymousWrite } from './anonymousWrite'

/** What Next.js passes the `app/(payload)/api/anonymous/[kind]` route: the decoded `[kind]` segment. */
export interface AnonymousWriteRouteContext {
  params: Promise<{ kind: string }>
}

/**
 * The route handler of `POST /api/anonymous/:kind`. It takes the Payload
 * instance itself instead of going through Payload's REST handler, whose
 * per-request set-up (the request object, authentication, translations) an
 * anonymous write never uses and which cost about a quarter of each answer's
 * CPU time (docs/surveys.md#load).
 * The test harness builds the same handler over its own instance.
 */
export function anonymousWriteRoute(payloadOf: () => Promise<Payload>): RouteHandler<AnonymousWriteRouteContext> {
  return async (request, { params }) => anonymousWrite(await payloadOf(), request, (await params).kind)
}
