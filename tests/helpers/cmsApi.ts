import type { ApiJson } from './testPayload.ts'

/**
 * The CMS's REST API as the admin browser tests call it beside the browser:
 * JSON in and out, signed in with a JWT when given one. `baseUrl` is read at
 * each call, since the server starts in the file's `beforeAll`.
 */
export function cmsApi(baseUrl: () => string) {
  async function api(path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<{ status: number; json: ApiJson }> {
    const response = await fetch(`${baseUrl()}/api${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `JWT ${init.token}` } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    })
    return { status: response.status, json: await response.json() }
  }

  /** A staff account's JWT, from the login endpoint. */
  async function login(email: string, password: string): Promise<string> {
    return (await api('/users/login', { method: 'POST', body: { email, password } })).json.token as string
  }

  return { api, login }
}
