import type { AfterErrorHook } from 'payload'

// Payload's own upload checks answer in English; editors read Chinese.
const TRANSLATIONS: [RegExp, string][] = [
  [/Invalid or corrupted ISO base media file/i, '视频文件不完整或已损坏（MP4/MOV 结构检查未通过），可能是上传中断或导出未完成。请重新导出后上传。'],
  [/^Invalid MIME type|^File type .* is not allowed/i, '只接受 MP4、MOV 或 WebM 视频文件。'],
  [/File size limit has been reached|Multipart (request size )?limit has been reached/i, '文件超过上传大小上限，请压缩后重新上传。'],
]

function translate(message: string): string {
  return TRANSLATIONS.find(([pattern]) => pattern.test(message))?.[1] ?? message
}

interface ErrorEntry {
  message?: string
  data?: { errors?: { message?: string }[] } & Record<string, unknown>
}

/** Rewrites Payload's English refusals of a video file into Chinese in REST and admin responses. */
export const translateUploadRefusal: AfterErrorHook = ({ result }) => {
  if (!result?.errors) return
  const errors = (result.errors as ErrorEntry[]).map((entry) => {
    const details = entry.data?.errors?.map((detail) => ({ ...detail, message: detail.message && translate(detail.message) }))
    // A ValidationError's own message only names the field; lead with the translated reason instead.
    const translatedDetail = details?.find((detail, index) => detail.message !== entry.data?.errors?.[index]?.message)?.message
    const message = entry.message === undefined ? undefined : translate(entry.message)
    return { ...entry, message: translatedDetail ?? message, data: details ? { ...entry.data, errors: details } : entry.data }
  })
  return { response: { ...result, errors } }
}
