import type { CollectionBeforeOperationHook } from 'payload'
import { UploadRefusedError } from '../../errors/UploadRefusedError'
import { formatBytes, videoLimits } from '../videoLimits'

/**
 * Refuses a video above GONGYU_MAX_VIDEO_BYTES before Payload stores it.
 * Multipart uploads are already cut off by the parser at the same limit
 * (HTTP 413); this covers the Local API and any other way a file arrives.
 */
export const refuseOversizedVideo: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const { maxBytes } = videoLimits()
  if (req.file && req.file.size > maxBytes) {
    throw new UploadRefusedError(`视频文件大小 ${formatBytes(req.file.size)}，超过上传上限 ${formatBytes(maxBytes)}。请压缩后重新上传。`, 413)
  }
  return args
}
