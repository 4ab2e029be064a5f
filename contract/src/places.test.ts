import { describe, expect, it } from 'vitest'
import { coordinateProblem, mapLinksOf, parsePublicPhone, publicPlaceSchema } from './places.ts'

const place = { name: '城关镇家庭教育指导中心', address: '人民路 12 号', location: { latitude: 31.1268, longitude: 104.3981, datum: 'GCJ-02' as const } }

describe('parsePublicPhone', () => {
  it('writes landlines, 400/800 lines and public hotlines in one form', () => {
    expect(parsePublicPhone('（0838）221 2345')).toEqual({ phone: '0838-2212345' })
    expect(parsePublicPhone('010-62341234 转 8')).toEqual({ phone: '010-62341234 转 8' })
    expect(parsePublicPhone('０２８－８６１２３４５６')).toEqual({ phone: '028-86123456' })
    expect(parsePublicPhone('4001234567')).toEqual({ phone: '400-123-4567' })
    expect(parsePublicPhone('12355')).toEqual({ phone: '12355' })
  })

  it('refuses a personal mobile number, however it is written, and says why', () => {
    for (const mobile of ['13812345678', '138 1234 5678', '+86 138-1234-5678', '８６１３８１２３４５６７８']) {
      const parsed = parsePublicPhone(mobile)
      expect(parsed, mobile).toHaveProperty('problem')
      expect('problem' in parsed && parsed.problem).toContain('手机号码')
    }
  })

  it('refuses a number without an area code and anything that is not a number', () => {
    expect(parsePublicPhone('2212345')).toHaveProperty('problem')
    expect(parsePublicPhone('请打电话')).toHaveProperty('problem')
    expect(parsePublicPhone('0838-1212345')).toHaveProperty('problem')
  })
})

describe('coordinateProblem', () => {
  it('accepts a point in China and refuses swapped axes and points elsewhere, in Chinese', () => {
    expect(coordinateProblem(31.1268, 104.3981)).toBeUndefined()
    expect(coordinateProblem(104.3981, 31.1268)).toContain('填反')
    expect(coordinateProblem(48.85, 2.35)).toContain('不在中国境内')
    expect(coordinateProblem(Number.NaN, 104)).toContain('数字')
  })
})

describe('mapLinksOf', () => {
  const links = Object.fromEntries(mapLinksOf(place).map((link) => [link.app, new URL(link.href)]))

  it('gives Amap longitude first, marked as its own (GCJ-02) coordinates', () => {
    expect(links.amap?.origin + (links.amap?.pathname ?? '')).toBe('https://uri.amap.com/marker')
    expect(links.amap?.searchParams.get('position')).toBe('104.3981,31.1268')
    expect(links.amap?.searchParams.get('coordinate')).toBe('gaode')
    expect(links.amap?.searchParams.get('name')).toBe(place.name)
  })

  it('gives Tencent latitude first in its marker, with separators removed from the text', () => {
    const marker = links.tencent?.searchParams.get('marker')
    expect(marker).toBe(`coord:31.1268,104.3981;title:${place.name};addr:${place.address}`)
    expect(mapLinksOf({ ...place, name: '站点;一:二' })[1]?.href).toContain(encodeURIComponent('title:站点 一 二;').replace(/%20/g, '+'))
  })

  it('tells Baidu the coordinates are GCJ-02, since it reads BD-09 otherwise', () => {
    expect(links.baidu?.searchParams.get('location')).toBe('31.1268,104.3981')
    expect(links.baidu?.searchParams.get('coord_type')).toBe('gcj02')
  })

  it('escapes what the editor wrote into the query, never into the path', () => {
    const hostile = mapLinksOf({ ...place, name: '"><script>&x=1#', address: '' })
    for (const link of hostile) {
      const url = new URL(link.href)
      expect(url.hash).toBe('')
      expect(url.searchParams.get('x')).toBeNull()
    }
  })
})

describe('publicPlaceSchema', () => {
  it('requires the datum to be stated as GCJ-02', () => {
    const record = {
      slug: 'a',
      name: 'A 站',
      kind: 'service-station',
      county: '某县',
      township: '',
      address: '',
      openingHours: '',
      services: [],
      phone: null,
      lastCheckedOn: '2026-11-20',
    }
    expect(publicPlaceSchema.safeParse({ ...record, location: place.location }).success).toBe(true)
    expect(publicPlaceSchema.safeParse({ ...record, location: { ...place.location, datum: 'WGS-84' } }).success).toBe(false)
  })
})
