import type { SelectField } from 'payload'
import { localizedLabel, optionsFrom } from '../i18n/localizedLabel'
import { validateOnEverySave } from './validateOnEverySave'

type Vocabulary = readonly { readonly code: string; readonly label: string }[]

interface CodeSelectOptions {
  name: string
  label: string
  englishLabel: string
  vocabulary: Vocabulary
  hasMany?: boolean
  required?: boolean
  englishNames?: Record<string, string>
  admin?: SelectField['admin']
}

/**
 * A select over one of the shared vocabularies. Unknown codes are rejected
 * with a Chinese message that lists the valid choices.
 */
export function codeSelect(options: CodeSelectOptions): SelectField {
  const codes = options.vocabulary.map((entry) => entry.code)
  const describe = () => options.vocabulary.map((entry) => `${entry.code}（${entry.label}）`).join('、')
  const base = {
    name: options.name,
    type: 'select' as const,
    label: localizedLabel(options.label, options.englishLabel),
    options: optionsFrom(options.vocabulary, options.englishNames),
    index: true,
    admin: options.admin,
  }
  if (options.hasMany) {
    const validate = (value: string[] | null | undefined): true | string => {
      const values = value ?? []
      if (options.required && values.length === 0) return `请至少选择一项${options.label}。`
      const unknown = values.filter((code) => !codes.includes(code))
      return unknown.length === 0 || `未知的${options.label}：${unknown.join('、')}。可选：${describe()}`
    }
    return { ...base, hasMany: true, required: options.required, validate, hooks: { beforeValidate: [validateOnEverySave(validate)] } }
  }
  const validate = (value: string | null | undefined): true | string => {
    if (value === null || value === undefined || value === '') {
      return options.required ? `请选择${options.label}。` : true
    }
    return codes.includes(value) || `未知的${options.label}：${value}。可选：${describe()}`
  }
  return { ...base, hasMany: false, required: options.required, validate, hooks: { beforeValidate: [validateOnEverySave(validate)] } }
}
