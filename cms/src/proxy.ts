import { NextResponse, type NextRequest } from 'next/server'

// Payload picks the admin language from its cookie, then from the browser's Accept-Language.
const LANGUAGE_COOKIE = 'payload-lng'
const DEFAULT_LANGUAGE = 'zh'

/**
 * Opens the admin in Simplified Chinese whatever language the browser asks
 * for, until the user picks another one in the account settings (which sets
 * the cookie).
 */
export function proxy(request: NextRequest): NextResponse {
  if (request.cookies.has(LANGUAGE_COOKIE)) return NextResponse.next()
  request.cookies.set(LANGUAGE_COOKIE, DEFAULT_LANGUAGE)
  const response = NextResponse.next({ request: { headers: request.headers } })
  response.cookies.set(LANGUAGE_COOKIE, DEFAULT_LANGUAGE, { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 })
  return response
}

export const config = { matcher: ['/admin/:path*', '/admin'] }
