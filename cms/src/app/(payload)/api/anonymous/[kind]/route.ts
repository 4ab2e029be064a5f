import config from '@payload-config'
import { getPayload } from 'payload'
import { anonymousWriteRoute } from '../../../../../anonymousWrites/anonymousWriteRoute'
import { guardApiRequest } from '../../../../../http/guardApiRequest'

// Next prefers this route to the `[...slug]` catch-all; the same guard runs first (body limits, CSRF).
// `cron: true` as Payload's REST routes ask, so the job runner starts whichever request comes first.
// No OPTIONS: the CMS sets no CORS policy, so a preflight is refused as before (the site posts simple requests).
export const POST = guardApiRequest(anonymousWriteRoute(() => getPayload({ config, cron: true })))
