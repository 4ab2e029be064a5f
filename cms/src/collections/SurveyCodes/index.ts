import type { CollectionConfig } from 'payload'
import { surveyLimits } from '@gongyu/contract'
import { nobody } from '../../access/nobody'
import { ownOrganizationRecords } from '../../access/organizationRecordAccess'
import { localizedLabel } from '../../i18n/localizedLabel'

/**
 * 一次性码: printed codes handed out at a session, one answer each. Made by
 * the survey's save (`codeCount`), never typed in; whether a code was used is
 * known only to the answers' unique index (a keyed hash, see oneTimeCode.ts),
 * so this list never says which parent answered.
 */
export const SurveyCodes: CollectionConfig = {
  slug: 'survey-codes',
  labels: { singular: localizedLabel('一次性码', 'One-time code'), plural: localizedLabel('问卷一次性码', 'Survey codes') },
  admin: {
    useAsTitle: 'code',
    defaultColumns: ['code', 'survey', 'organization'],
    group: localizedLabel('机构与清单', 'Organizations'),
    description: localizedLabel('由问卷的「一次性码数量」生成；在问卷报告页打印。', 'Generated from the survey; printed from its report page.'),
  },
  access: { read: ownOrganizationRecords, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'survey', type: 'relationship', relationTo: 'surveys', required: true, index: true, label: localizedLabel('问卷', 'Survey') },
    { name: 'organization', type: 'relationship', relationTo: 'organizations', required: true, index: true, label: localizedLabel('机构', 'Organization') },
    { name: 'code', type: 'text', required: true, unique: true, maxLength: surveyLimits.code, label: localizedLabel('一次性码', 'Code') },
  ],
}
