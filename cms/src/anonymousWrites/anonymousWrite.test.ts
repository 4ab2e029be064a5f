import type { Payload } from 'payload'
import { describe, expect, it, vi } from 'vitest'
import { DatabaseBusyError } from '../errors/DatabaseBusyError'
import { anonymousWrite } from './anonymousWrite'

const HAN = /[\u4e00-\u9fff]/

/** A Payload whose reads fail as the database would, with a logger to see what was logged. */
function failingPayload(fault: Error) {
  const error = vi.fn()
  const payload = { find: () => Promise.reject(fault), logger: { error }, config: { loggingLevels: {} } } as unknown as Payload
  return { payload, error }
}

function post(kind: string, body: string, headers: Record<string, string>): Request {
  return new Request(`http://localhost:3000/api/anonymous/${kind}`, { method: 'POST', headers: { 'x-forwarded-for': '203.0.113.9', ...headers }, body })
}

const jsonSignal = () => post('need-signal', JSON.stringify({ kind: 'asked', query: '厌学' }), { 'content-type': 'application/json' })

describe('anonymousWrite', () => {
  it('answers an unknown kind 404 in Chinese before touching the database, as a page for a plain form', async () => {
    const { payload } = failingPayload(new Error('the database must not be read'))
    const script = await anonymousWrite(payload, post('no-such-kind', '{}', { 'content-type': 'application/json' }), 'no-such-kind')
    expect(script.status).toBe(404)
    expect((await script.json()).errors[0].message).toMatch(HAN)
    const form = await anonymousWrite(
      payload,
      post('no-such-kind', 'q=1', { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }),
      'no-such-kind',
    )
    expect(form.status).toBe(404)
    expect(form.headers.get('content-type')).toContain('text/html')
    expect(await form.text()).toContain('没有这种提交')
  })

  it('logs a fault while storing and answers 500 in Chinese, never a 201', async () => {
    const fault = new Error('SQLITE_IOERR: disk I/O error')
    const { payload, error } = failingPayload(fault)
    const response = await anonymousWrite(payload, jsonSignal(), 'need-signal')
    expect(response.status).toBe(500)
    const message: string = (await response.json()).errors[0].message
    expect(message).toMatch(/没有保存/)
    expect(message).not.toContain('SQLITE')
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ err: fault }))
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('keeps the 503 and message of a busy database, as a page for a plain form', async () => {
    const { payload } = failingPayload(new DatabaseBusyError())
    const form = post('need-signal', new URLSearchParams({ kind: 'asked', query: '厌学' }).toString(), {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'text/html',
    })
    const response = await anonymousWrite(payload, form, 'need-signal')
    expect(response.status).toBe(503)
    expect(response.headers.get('content-type')).toContain('text/html')
    expect(await response.text()).toContain('数据库正忙')
  })
})
