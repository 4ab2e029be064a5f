import type { CollectionBeforeOperationHook } from 'payload'
import { UploadRefusedError } from '../errors/UploadRefusedError'
import { uploadLimitFor } from '../storage/uploadLimits'
import { formatBytes } from '../video/videoLimits'

/**
 * Refuses a file above its collection's limit (`storage/uploadLimits.ts`).
 * HTTP uploads are already cut off by the API request guard; this covers the
 * Local API and a multipart body whose form fields used up the allowance.
 */
export const refuseOversizedUpload: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const maxBytes = uploadLimitFor(collection.slug)
  if (maxBytes !== undefined && req.file && req.file.size > maxBytes) {
    throw new UploadRefusedError(`文件大小 ${formatBytes(req.file.size)}，超过上传上限 ${formatBytes(maxBytes)}。请压缩后重新上传。`, 413)
  }
  return args
}
