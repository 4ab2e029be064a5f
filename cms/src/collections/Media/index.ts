import type { CollectionConfig } from 'payload'
import { isContentStaff } from '../../access/isContentStaff'
import { isReviewerOrAdmin } from '../../access/isReviewerOrAdmin'
import { usedByPublishedOrContentStaff } from '../../access/usedByPublishedOrContentStaff'
import { uploadDirectory } from '../../env/paths'
import { guardLiveMedia } from '../../hooks/guardLiveMedia'
import { refusePersonalInformation } from '../../hooks/refusePersonalInformation'
import { refuseOversizedUpload } from '../../hooks/refuseOversizedUpload'
import { refuseUnsafeFilename } from '../../hooks/refuseUnsafeFilename'
import { localizedLabel } from '../../i18n/localizedLabel'

/** Images (posters, illustrations) and PDF handouts. */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: localizedLabel('图片和文件', 'Media'), plural: localizedLabel('图片和文件', 'Media') },
  admin: { group: localizedLabel('素材', 'Assets') },
  access: { read: usedByPublishedOrContentStaff('media'), create: isContentStaff, update: isContentStaff, delete: isReviewerOrAdmin },
  upload: {
    staticDir: uploadDirectory('media'),
    mimeTypes: ['image/png', 'image/jpeg', 'image/webp', 'application/pdf'],
    imageSizes: [{ name: 'card', width: 640 }],
    // Any constructor options make Payload pass every image through sharp: `.rotate()` applies the
    // EXIF orientation, then the image is re-encoded, and without `withMetadata` sharp drops EXIF
    // (GPS included), XMP, IPTC, ICC, comments and PNG text, in the original and every size alike.
    // The pixel cap refuses decompression bombs (sharp's default is 268 megapixels).
    constructorOptions: { limitInputPixels: 100_000_000 },
    withMetadata: false,
  },
  hooks: {
    beforeOperation: [refuseUnsafeFilename, refuseOversizedUpload],
    beforeValidate: [refusePersonalInformation()],
    beforeChange: [guardLiveMedia('media', ['alt'])],
  },
  fields: [{ name: 'alt', type: 'text', required: true, label: localizedLabel('替代文字', 'Alt text') }],
}
