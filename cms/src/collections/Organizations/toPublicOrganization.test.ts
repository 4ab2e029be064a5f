import { describe, expect, it } from 'vitest'
import type { Organization } from '../../payload-types'
import { fieldMismatchOf } from '../testing/fieldMismatchOf'
import { Organizations } from './index'
import { organizationToPublicOrganization } from './toPublicOrganization'

const organization = {
  id: 101,
  name: '城关镇家长学校',
  type: 'parent-school',
  region: '四川省某县',
  description: '每月第一个周六开课。',
  allowedOrigins: [
    { id: 'a1', origin: 'https://www.example-school.cn' },
    { id: 'a2', origin: 'https://weixin.example.cn' },
  ],
  countZeroResultSearches: false,
  slug: 'chengguan',
  updatedAt: '2026-03-01T08:00:00.000Z',
  createdAt: '2026-02-01T08:00:00.000Z',
} satisfies Organization

describe('organizationToPublicOrganization', () => {
  it('maps an organization to what the site shows, with the origins allowed to embed it', () => {
    expect(organizationToPublicOrganization(organization)).toEqual({
      slug: 'chengguan',
      name: '城关镇家长学校',
      type: 'parent-school',
      region: '四川省某县',
      description: '每月第一个周六开课。',
      allowedOrigins: ['https://www.example-school.cn', 'https://weixin.example.cn'],
      countsZeroResultSearches: false,
    })
  })

  it('gives an organization without description or origins empty ones', () => {
    expect(organizationToPublicOrganization({ ...organization, description: null, allowedOrigins: null })).toMatchObject({
      description: '',
      allowedOrigins: [],
    })
  })

  it('has a fixture with exactly the fields of the collection, so a renamed field fails here too', () => {
    expect(fieldMismatchOf(Organizations, organization)).toEqual({ missingFromFixture: [], notInCollection: [] })
  })
})
