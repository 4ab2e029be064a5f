import { codesOf, organizationTypes } from '@gongyu/contract'
import { z } from 'zod'
import { code, frontMatterObject, list, text } from './fieldSchemas.ts'

// Scheme, host and optional port only: the CMS checks the same when it saves the organization.
const origin = z
  .url({ protocol: /^https?$/, error: '应为网站来源，例如 https://www.example-school.cn' })
  .refine((value) => new URL(value).origin === value.replace(/\/$/, ''), { error: '只能包含协议、域名和端口，不能带路径或参数' })

/** An organization's front matter (`content/organizations/<slug>.md`); the body is its description. */
export const organizationFrontMatter = frontMatterObject({
  name: text({ least: 4, most: 40 }),
  type: code(codesOf(organizationTypes)),
  region: text({ least: 3, most: 20 }),
  /** Websites that may embed the organization's course lists. */
  allowedOrigins: list(origin, { minRows: 0, maxRows: 10 }),
})

export type OrganizationFrontMatter = z.infer<typeof organizationFrontMatter>
