import type { CollectionConfig } from 'payload'
import { anyone } from '../../access/anyone'
import { isReviewerOrAdmin } from '../../access/isReviewerOrAdmin'
import { slugField } from '../../fields/slugField'
import { fillSlug } from '../../hooks/fillSlug'
import { refusePersonalInformation } from '../../hooks/refusePersonalInformation'
import { uniqueSlug } from '../../hooks/rejectDuplicates'
import { localizedLabel } from '../../i18n/localizedLabel'

/**
 * 主题: the topics the bank is browsed by. Every theme is public at once
 * (the export lists them all, with their pages), so only reviewers and admins
 * manage them, as they publish content; editors ask one for a new theme.
 */
export const Themes: CollectionConfig = {
  slug: 'themes',
  labels: { singular: localizedLabel('主题', 'Theme'), plural: localizedLabel('主题', 'Themes') },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug'], group: localizedLabel('分类', 'Taxonomy') },
  access: { read: anyone, create: isReviewerOrAdmin, update: isReviewerOrAdmin, delete: isReviewerOrAdmin },
  versions: { maxPerDoc: 20 },
  hooks: {
    beforeValidate: [fillSlug, refusePersonalInformation(), uniqueSlug('themes', '主题', 'name')],
  },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, label: localizedLabel('名称', 'Name') },
    { name: 'description', type: 'textarea', label: localizedLabel('说明', 'Description') },
    slugField(),
  ],
}
