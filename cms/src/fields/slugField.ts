import type { TextField } from 'payload'
import { localizedLabel } from '../i18n/localizedLabel'
import { validateOnEverySave } from './validateOnEverySave'

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * A stable, unique, URL-safe identifier. It is generated from the title's
 * pinyin when left empty (see `fillSlug`) and never changes on its own.
 */
export const slugField = (): TextField => ({
  name: 'slug',
  type: 'text',
  label: localizedLabel('网址标识', 'Slug'),
  required: true,
  unique: true,
  index: true,
  admin: {
    position: 'sidebar',
    description: localizedLabel(
      '小写字母、数字和连字符，例如 k1-01-separation-anxiety；留空则按标题拼音生成。',
      'Lowercase letters, digits and hyphens; generated from the title when empty.',
    ),
  },
  validate: validateSlug,
  hooks: { beforeValidate: [validateOnEverySave(validateSlug)] },
})

function validateSlug(value: string | null | undefined): true | string {
  if (!value) return '请填写网址标识（slug）。'
  if (value.length > 120) return '网址标识最长 120 个字符。'
  return SLUG_PATTERN.test(value) || `网址标识「${value}」只能包含小写字母、数字和连字符，且不能以连字符开头或结尾。`
}
