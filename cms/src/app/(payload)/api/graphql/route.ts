import config from '@payload-config'
import { REST_OPTIONS } from '@payloadcms/next/routes'
import { graphqlPost } from '../../../../graphql/graphqlPost'
import { guardApiRequest } from '../../../../http/guardApiRequest'

// The same guard as REST: body limits, CSRF, and the login throttle over login mutations.
export const POST = guardApiRequest(graphqlPost(config))
export const OPTIONS = REST_OPTIONS(config)
