import type { CollectionConfig } from 'payload'
import { anyone } from '../access/anyone'
import { isContentStaff } from '../access/isContentStaff'
import { isReviewerOrAdmin } from '../access/isReviewerOrAdmin'
import { uploadDirectory } from '../env/paths'
import { localizedLabel } from '../i18n/localizedLabel'

/** Images (posters, illustrations) and PDF handouts. */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: localizedLabel('图片和文件', 'Media'), plural: localizedLabel('图片和文件', 'Media') },
  admin: { group: localizedLabel('素材', 'Assets') },
  access: { read: anyone, create: isContentStaff, update: isContentStaff, delete: isReviewerOrAdmin },
  upload: {
    staticDir: uploadDirectory('media'),
    mimeTypes: ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'],
    imageSizes: [{ name: 'card', width: 640 }],
  },
  fields: [{ name: 'alt', type: 'text', required: true, label: localizedLabel('替代文字', 'Alt text') }],
}
