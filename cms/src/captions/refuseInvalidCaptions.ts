import { readFile } from 'node:fs/promises'
import type { CollectionBeforeOperationHook } from 'payload'
import { UploadRefusedError } from '../errors/UploadRefusedError'
import { MAX_CAPTION_BYTES, validateWebVtt } from './validateWebVtt'

/** Refuses a caption upload that is not valid WebVTT, with a Chinese reason (HTTP 400), before it is stored. */
export const refuseInvalidCaptions: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if ((operation !== 'create' && operation !== 'update') || !req.file) return args
  const file = req.file
  if (file.size > MAX_CAPTION_BYTES) {
    throw new UploadRefusedError(`字幕文件超过 ${MAX_CAPTION_BYTES / 1024 / 1024} MB，不像是一节微课的字幕。请检查文件。`, 413)
  }
  const bytes = file.tempFilePath && file.data.length === 0 ? await readFile(file.tempFilePath) : file.data
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    // A decoding failure is the answer itself: the file is not UTF-8, which WebVTT requires.
    throw new UploadRefusedError('字幕文件必须是 UTF-8 编码的 WebVTT 文本，请用 UTF-8 重新保存后上传。')
  }
  const problem = validateWebVtt(text)
  if (problem) throw new UploadRefusedError(problem)
  return args
}
