import type { CollectionConfig } from 'payload'
import { organizationTypes } from '@gongyu/search/vocabulary'
import { anyone } from '../access/anyone'
import { isAdmin } from '../access/isAdmin'
import { updateOwnOrganization } from '../access/organizationAccess'
import { codeSelect } from '../fields/codeSelect'
import { slugField } from '../fields/slugField'
import { fillSlug } from '../hooks/fillSlug'
import { refusePersonalInformation } from '../hooks/refusePersonalInformation'
import { uniqueSlug } from '../hooks/rejectDuplicates'
import { localizedLabel } from '../i18n/localizedLabel'

/** An origin a school's website is served from: scheme, host and optional port, nothing else. */
export function validateOrigin(value: string | null | undefined): true | string {
  if (!value) return '请填写网站来源，例如 https://www.example-school.cn'
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return `「${value}」不是有效的网址。请填写形如 https://www.example-school.cn 的来源。`
  }
  if (!['http:', 'https:'].includes(url.protocol)) return `「${value}」必须以 http:// 或 https:// 开头。`
  if (url.origin !== value.replace(/\/$/, '')) return `「${value}」只能包含协议、域名和端口，不能带路径或参数。`
  return true
}

/** Parent schools, kindergartens and community workshops that curate course lists. */
export const Organizations: CollectionConfig = {
  slug: 'organizations',
  labels: { singular: localizedLabel('机构', 'Organization'), plural: localizedLabel('机构', 'Organizations') },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'type', 'region'], group: localizedLabel('机构与清单', 'Organizations') },
  access: { read: anyone, create: isAdmin, update: updateOwnOrganization, delete: isAdmin },
  hooks: {
    beforeValidate: [
      fillSlug,
      // The description is where an organization gives its own public hotline or WeChat account.
      refusePersonalInformation({ allow: { description: ['mobile-phone', 'social-account'] } }),
      uniqueSlug('organizations', '机构', 'name'),
    ],
  },
  fields: [
    { name: 'name', type: 'text', required: true, label: localizedLabel('名称', 'Name') },
    codeSelect({ name: 'type', label: '类型', englishLabel: 'Type', vocabulary: organizationTypes, required: true }),
    { name: 'region', type: 'text', required: true, label: localizedLabel('地区', 'Region') },
    { name: 'description', type: 'textarea', label: localizedLabel('简介', 'Description') },
    {
      name: 'allowedOrigins',
      type: 'array',
      label: localizedLabel('允许嵌入的网站', 'Origins allowed to embed'),
      admin: {
        description: localizedLabel(
          '本机构课程清单可以嵌入到这些网站，例如 https://www.example-school.cn',
          'Websites that may embed this organization’s lists.',
        ),
      },
      fields: [{ name: 'origin', type: 'text', required: true, label: localizedLabel('网站来源', 'Origin'), validate: validateOrigin }],
    },
    slugField(),
  ],
}
