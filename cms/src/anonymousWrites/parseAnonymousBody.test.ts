import { describe, expect, it } from 'vitest'
import { parseAnonymousBody } from './parseAnonymousBody'

const bytes = (text: string) => new TextEncoder().encode(text)

describe('parseAnonymousBody', () => {
  it('reads the site form, whatever the charset parameter', () => {
    expect(parseAnonymousBody('application/x-www-form-urlencoded; charset=UTF-8', bytes('survey=a&q1=4&comment=%E5%A5%BD'))).toEqual({
      format: 'form',
      fields: { survey: 'a', q1: '4', comment: '好' },
    })
  })

  it('refuses a form field given twice instead of picking one', () => {
    const result = parseAnonymousBody('application/x-www-form-urlencoded', bytes('q1=4&q1=5'))
    expect(result).toEqual({ status: 400, problem: expect.stringContaining('「q1」出现了不止一次') })
  })

  it('reads a JSON object and refuses anything else', () => {
    expect(parseAnonymousBody('application/json', bytes('{"q1":4}'))).toEqual({ format: 'json', fields: { q1: 4 } })
    expect(parseAnonymousBody('application/json', bytes('[1]'))).toMatchObject({ status: 400 })
    expect(parseAnonymousBody('application/json', bytes('{'))).toMatchObject({ status: 400 })
    expect(parseAnonymousBody('text/plain', bytes('q1=4'))).toMatchObject({ status: 415 })
  })

  it('refuses bytes that are not UTF-8 (a GBK form)', () => {
    expect(parseAnonymousBody('application/x-www-form-urlencoded', new Uint8Array([0x63, 0x3d, 0xba, 0xc3]))).toMatchObject({ status: 400 })
  })
})
