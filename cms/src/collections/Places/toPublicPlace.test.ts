import { describe, expect, it } from 'vitest'
import type { Place } from '../../payload-types'
import { fieldMismatchOf } from '../testing/fieldMismatchOf'
import { Places } from './index'
import { placeToPublicPlace } from './toPublicPlace'

const place = {
  id: 7,
  name: '城关镇家庭教育指导中心',
  kind: 'guidance-centre',
  county: '某某县',
  township: '城关镇',
  address: '人民路 12 号',
  openingHours: '周一至周五 8:30-17:30',
  services: [
    { id: 's1', text: '家长咨询' },
    { id: 's2', text: '亲子活动' },
  ],
  phone: '0838-2212345',
  location: { latitude: 31.1268, longitude: 104.3981, datum: 'GCJ-02' },
  // Saved at 20:00 UTC on the 19th: already the 20th in China.
  lastCheckedOn: '2026-11-19T20:00:00.000Z',
  slug: 'mou-mou-xian-cheng-guan-zhen',
  reviewState: 'approved',
  reviewNote: '已核实',
  submittedBy: 3,
  submittedAt: '2026-11-19T08:00:00.000Z',
  createdBy: 3,
  _status: 'published',
  updatedAt: '2026-11-20T08:00:00.000Z',
  createdAt: '2026-11-18T08:00:00.000Z',
} satisfies Place

describe('placeToPublicPlace', () => {
  it('maps a published place to what the service map shows, with the datum and the day in China', () => {
    expect(placeToPublicPlace(place)).toEqual({
      slug: 'mou-mou-xian-cheng-guan-zhen',
      name: '城关镇家庭教育指导中心',
      kind: 'guidance-centre',
      county: '某某县',
      township: '城关镇',
      address: '人民路 12 号',
      openingHours: '周一至周五 8:30-17:30',
      services: ['家长咨询', '亲子活动'],
      phone: '0838-2212345',
      location: { latitude: 31.1268, longitude: 104.3981, datum: 'GCJ-02' },
      lastCheckedOn: '2026-11-20',
    })
  })

  it('never maps a draft, and leaves the review fields in the CMS', () => {
    expect(placeToPublicPlace({ ...place, _status: 'draft' })).toBeUndefined()
    expect(JSON.stringify(placeToPublicPlace(place))).not.toMatch(/reviewNote|已核实|submittedBy|createdBy/)
  })

  it('gives a place without optional fields empty ones', () => {
    expect(placeToPublicPlace({ ...place, township: null, address: null, openingHours: null, services: null, phone: null })).toMatchObject({
      township: '',
      address: '',
      openingHours: '',
      services: [],
      phone: null,
    })
  })

  it('has a fixture with exactly the fields of the collection, so a renamed field fails here too', () => {
    expect(fieldMismatchOf(Places, place)).toEqual({ missingFromFixture: [], notInCollection: [] })
  })
})
