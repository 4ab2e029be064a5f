import type { CollectionConfig } from 'payload'
import { anyone } from '../access/anyone'
import { isContentStaff } from '../access/isContentStaff'
import { isReviewerOrAdmin } from '../access/isReviewerOrAdmin'
import { uploadDirectory } from '../env/paths'
import { localizedLabel } from '../i18n/localizedLabel'

/** Source videos for micro-lessons. Transcoding to HLS is added by the video work. */
export const Videos: CollectionConfig = {
  slug: 'videos',
  labels: { singular: localizedLabel('视频', 'Video'), plural: localizedLabel('视频', 'Videos') },
  admin: { group: localizedLabel('素材', 'Assets') },
  access: { read: anyone, create: isContentStaff, update: isContentStaff, delete: isReviewerOrAdmin },
  upload: {
    staticDir: uploadDirectory('videos'),
    mimeTypes: ['video/mp4', 'video/quicktime', 'video/webm'],
  },
  fields: [{ name: 'title', type: 'text', label: localizedLabel('说明', 'Title') }],
}
