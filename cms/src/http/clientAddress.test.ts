import { describe, expect, it } from 'vitest'
import { clientAddress } from './clientAddress'

describe('clientAddress', () => {
  it('takes the last X-Forwarded-For entry: the socket address Next.js wrote, or what our proxy appended', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '203.0.113.7' }))).toBe('203.0.113.7')
    expect(clientAddress(new Headers({ 'x-forwarded-for': '1.2.3.4, 203.0.113.7 ' }))).toBe('203.0.113.7')
    expect(clientAddress(new Headers({ 'x-forwarded-for': '2001:DB8::1' }))).toBe('2001:db8::1')
    expect(clientAddress(new Headers())).toBe('unknown')
  })
})
