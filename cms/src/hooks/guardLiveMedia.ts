import { isDeepStrictEqual } from 'node:util'
import type { CollectionBeforeChangeHook } from 'payload'
import { hasRole } from '../access/roles'
import { WorkflowForbiddenError } from '../errors/WorkflowForbiddenError'
import type { MediaCollection } from '../media/mediaReferences'
import { publishedMediaReferences } from '../media/publishedMediaReferences'

// What Payload derives from the stored file: a change here means a different file (or crop) goes live.
const FILE_FIELDS = ['filename', 'mimeType', 'filesize', 'width', 'height', 'focalX', 'focalY', 'sizes']

function changes(data: Record<string, unknown>, originalDoc: Record<string, unknown> | undefined, fields: string[]): boolean {
  return fields.some((name) => name in data && !isDeepStrictEqual(data[name], originalDoc?.[name]))
}

/**
 * A media, video or caption document that published content uses is live:
 * replacing its file, cropping it or changing a field the public sees would
 * skip review. Only reviewers and admins may; an editor uploads a new file
 * and attaches it to a draft of the content, which goes through review.
 * `publicFields` names the collection's own fields that visitors see.
 */
export function guardLiveMedia(collection: MediaCollection, publicFields: string[] = []): CollectionBeforeChangeHook {
  return async ({ data, operation, originalDoc, req }) => {
    if (operation !== 'update' || !req.user || hasRole(req.user, 'admin', 'reviewer')) return data
    const uploadEdits = req.query?.uploadEdits
    const touchesFile = Boolean(req.file) || Boolean(uploadEdits && typeof uploadEdits === 'object') || changes(data, originalDoc, FILE_FIELDS)
    if (!touchesFile && !changes(data, originalDoc, publicFields)) return data
    const id = (originalDoc as { id?: string | number } | undefined)?.id
    const live = await publishedMediaReferences(req.payload, req)
    if (id === undefined || !live[collection].has(String(id))) return data
    throw new WorkflowForbiddenError(
      '这个文件正被已发布的内容使用，编辑不能直接替换或修改它。请上传一个新文件，把它关联到该内容的草稿并提交审核；审核通过并发布后，网站才会换用新文件。',
    )
  }
}
