import { contentLimits } from '@gongyu/contract'
import type { RelationshipField } from 'payload'
import { localizedLabel } from '../i18n/localizedLabel'

/** The themes (主题) an item belongs to; the first is its main theme. */
export const themesField = (required = true): RelationshipField => ({
  name: 'themes',
  type: 'relationship',
  relationTo: 'themes',
  hasMany: true,
  required,
  minRows: required ? contentLimits.themes.minRows : undefined,
  maxRows: contentLimits.themes.maxRows,
  label: localizedLabel('主题', 'Themes'),
})
