import type { CollectionConfig } from 'payload'
import { organizationTypes } from '@gongyu/contract'
import { anyone } from '../../access/anyone'
import { isAdmin } from '../../access/isAdmin'
import { updateOwnOrganization } from '../../access/organizationAccess'
import { codeSelect } from '../../fields/codeSelect'
import { slugField } from '../../fields/slugField'
import { fillSlug } from '../../hooks/fillSlug'
import { refusePersonalInformation } from '../../hooks/refusePersonalInformation'
import { uniqueSlug } from '../../hooks/rejectDuplicates'
import { localizedLabel } from '../../i18n/localizedLabel'
import { validateOrigin } from './validateOrigin'

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
    {
      name: 'countZeroResultSearches',
      type: 'checkbox',
      defaultValue: false,
      label: localizedLabel('统计搜索无结果的查询', 'Count searches that find nothing'),
      admin: {
        description: localizedLabel(
          '默认关闭。开启后，网站上搜索没有结果时，会匿名记下搜索词和本机构所在的县（只记周，不记日期、时间和任何个人信息；每部手机每天最多 3 次），汇总进需求分析。网站下次构建后生效。',
          'Off by default. When on, searches on the site that find nothing are counted anonymously for the needs report (week only, at most 3 a day per phone).',
        ),
      },
    },
    slugField(),
  ],
}
