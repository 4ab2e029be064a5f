import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import type { PayloadRequest } from 'payload'

type UploadedFile = NonNullable<PayloadRequest['file']>

/**
 * Identifies an uploaded source by content: `md5:<hex>:<bytes>`. A re-upload
 * of the same file is recognized whatever its name. The multipart parser
 * already hashes what it streams to disk; otherwise the file is hashed here,
 * from the temp file or the in-memory buffer.
 */
export async function sourceFingerprint(file: UploadedFile): Promise<string> {
  // Payload 3.90 drops `size` from in-memory non-image files while storing them; the buffer knows it.
  const bytes = file.data.length > 0 ? file.data.length : file.size
  const parsed = (file as UploadedFile & { md5?: unknown }).md5
  if (typeof parsed === 'string' && /^[0-9a-f]{32}$/.test(parsed)) return `md5:${parsed}:${bytes}`
  const hash = createHash('md5')
  if (file.tempFilePath && file.data.length === 0) {
    for await (const chunk of createReadStream(file.tempFilePath)) hash.update(chunk as Buffer)
  } else {
    hash.update(file.data)
  }
  return `md5:${hash.digest('hex')}:${bytes}`
}
