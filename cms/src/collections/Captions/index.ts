import type { CollectionConfig } from 'payload'
import { isContentStaff } from '../../access/isContentStaff'
import { isReviewerOrAdmin } from '../../access/isReviewerOrAdmin'
import { usedByPublishedOrContentStaff } from '../../access/usedByPublishedOrContentStaff'
import { refuseCaptionPersonalInformation } from '../../captions/refuseCaptionPersonalInformation'
import { refuseInvalidCaptions } from '../../captions/refuseInvalidCaptions'
import { uploadDirectory } from '../../env/paths'
import { guardLiveMedia } from '../../hooks/guardLiveMedia'
import { refuseOversizedUpload } from '../../hooks/refuseOversizedUpload'
import { refuseUnsafeFilename } from '../../hooks/refuseUnsafeFilename'
import { localizedLabel } from '../../i18n/localizedLabel'

/** WebVTT caption files for micro-lessons, checked on every upload. */
export const Captions: CollectionConfig = {
  slug: 'captions',
  labels: { singular: localizedLabel('字幕', 'Captions'), plural: localizedLabel('字幕', 'Captions') },
  admin: { group: localizedLabel('素材', 'Assets') },
  access: { read: usedByPublishedOrContentStaff('captions'), create: isContentStaff, update: isContentStaff, delete: isReviewerOrAdmin },
  upload: {
    staticDir: uploadDirectory('captions'),
    mimeTypes: ['text/vtt'],
  },
  hooks: {
    beforeOperation: [refuseUnsafeFilename, refuseOversizedUpload, refuseInvalidCaptions, refuseCaptionPersonalInformation],
    beforeChange: [guardLiveMedia('captions', ['language'])],
  },
  fields: [{ name: 'language', type: 'text', defaultValue: 'zh-CN', label: localizedLabel('语言', 'Language') }],
}
