import type { CollectionConfig } from 'payload'
import { isContentStaff } from '../../access/isContentStaff'
import { isReviewerOrAdmin } from '../../access/isReviewerOrAdmin'
import { usedByPublishedOrContentStaff } from '../../access/usedByPublishedOrContentStaff'
import { uploadDirectory } from '../../env/paths'
import { guardLiveMedia } from '../../hooks/guardLiveMedia'
import { refusePersonalInformation } from '../../hooks/refusePersonalInformation'
import { refuseUnsafeFilename } from '../../hooks/refuseUnsafeFilename'
import { localizedLabel } from '../../i18n/localizedLabel'
import { markVideoForTranscode } from '../../video/hooks/markVideoForTranscode'
import { queueVideoTranscode } from '../../video/hooks/queueVideoTranscode'
import { refuseOversizedVideo } from '../../video/hooks/refuseOversizedVideo'
import { removeVideoRenditions } from '../../video/hooks/removeVideoRenditions'
import { translateUploadRefusal } from '../../video/hooks/translateUploadRefusal'
import { transcodeFields } from '../../video/transcodeFields'

/**
 * Source videos for micro-lessons (MP4, MOV, WebM). Each new file is
 * transcoded by a job into an HLS ladder for weak networks (see
 * `jobs/transcodeVideo.ts`); the outputs are recorded on the document.
 */
export const Videos: CollectionConfig = {
  slug: 'videos',
  labels: { singular: localizedLabel('视频', 'Video'), plural: localizedLabel('视频', 'Videos') },
  admin: {
    group: localizedLabel('素材', 'Assets'),
    defaultColumns: ['filename', 'title', 'transcodeStatus', 'durationSeconds', 'updatedAt'],
  },
  access: { read: usedByPublishedOrContentStaff('videos'), create: isContentStaff, update: isContentStaff, delete: isReviewerOrAdmin },
  upload: {
    staticDir: uploadDirectory('videos'),
    mimeTypes: ['video/mp4', 'video/quicktime', 'video/webm'],
  },
  hooks: {
    beforeOperation: [refuseUnsafeFilename, refuseOversizedVideo],
    beforeValidate: [refusePersonalInformation()],
    // The guard runs first: a refused replacement must not reset the transcode state.
    beforeChange: [guardLiveMedia('videos'), markVideoForTranscode],
    afterChange: [queueVideoTranscode],
    afterDelete: [removeVideoRenditions],
    afterError: [translateUploadRefusal],
  },
  fields: [{ name: 'title', type: 'text', label: localizedLabel('说明', 'Title') }, ...transcodeFields],
}
