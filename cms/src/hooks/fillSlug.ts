import type { CollectionBeforeValidateHook } from 'payload'
import { pinyin } from 'pinyin-pro'

/** Turns a title into a URL-safe slug through its pinyin: 亲子沟通 → qin-zi-gou-tong. */
export function slugFromTitle(title: string): string {
  return pinyin(title, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('-')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
}

/** Fills an empty slug from the title (or name) when a document is first saved; an existing slug never changes. */
export const fillSlug: CollectionBeforeValidateHook = ({ data, originalDoc }) => {
  if (!data || data.slug || (originalDoc as { slug?: string } | undefined)?.slug) return data
  const title = typeof data.title === 'string' ? data.title : typeof data.name === 'string' ? data.name : ''
  const slug = slugFromTitle(title)
  if (slug) data.slug = slug
  return data
}
