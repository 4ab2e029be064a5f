import { ISO_WEEK, needSignalKinds, needSignalLimits } from '@gongyu/contract'
import type { CollectionConfig } from 'payload'
import { isAdmin } from '../../access/isAdmin'
import { nobody } from '../../access/nobody'
import { localizedLabel, optionsFrom } from '../../i18n/localizedLabel'
import { needsReportEndpoint } from './needsReportEndpoint'

/**
 * 需求信号: one anonymous "a parent looked for this" (issue 17). It holds the
 * normalized query, a county or province the parent chose, the ISO week and
 * the kind, and nothing else: no timestamps (`timestamps: false`), and a
 * random id, since a MongoDB ObjectId carries its creation time. Nobody reads
 * a single signal over the API, not even an admin; staff see only the
 * thresholded report (`GET /api/need-signals/report`, the 需求分析 view).
 * Signals are written by the anonymous endpoint's `need-signal` kind.
 */
export const NeedSignals: CollectionConfig = {
  slug: 'need-signals',
  labels: { singular: localizedLabel('需求信号', 'Need signal'), plural: localizedLabel('需求信号', 'Need signals') },
  timestamps: false,
  admin: { hidden: true, group: localizedLabel('需求分析', 'Needs report') },
  access: { read: nobody, create: nobody, update: nobody, delete: isAdmin },
  endpoints: [needsReportEndpoint],
  fields: [
    // Random (crypto.randomUUID), so neither the order nor the time of a signal can be read from its id.
    { name: 'id', type: 'text', required: true, admin: { readOnly: true } },
    { name: 'query', type: 'text', required: true, maxLength: needSignalLimits.query.maxLength, label: localizedLabel('搜索词', 'Query') },
    { name: 'province', type: 'text', maxLength: needSignalLimits.province.maxLength, label: localizedLabel('省份', 'Province') },
    { name: 'county', type: 'text', maxLength: needSignalLimits.county.maxLength, label: localizedLabel('县（区）', 'County') },
    {
      name: 'week',
      type: 'text',
      required: true,
      index: true,
      label: localizedLabel('周（ISO）', 'ISO week'),
      validate: (value: unknown) => (typeof value === 'string' && ISO_WEEK.test(value)) || '周必须写成 2026-W49 这样的 ISO 周。',
    },
    { name: 'kind', type: 'select', required: true, options: optionsFrom(needSignalKinds), label: localizedLabel('来源', 'Kind') },
  ],
}
