import { isValidID, ValidationError, type FieldHook } from 'payload'
import { uploadNodesOf } from '../fields/lexicalUploadNodes'

type Id = string | number

/** The only upload collection rich text may show: the public site renders images and PDFs, nothing else. */
const UPLOAD_COLLECTION = 'media'

/** The media fields a value object may repeat; anything that would reach HTML must match the stored document. */
const CHECKED_FIELDS = ['url', 'thumbnailURL', 'filename', 'mimeType'] as const

/** The id a node's value names, in the database's id type; undefined when it names none. */
function idOf(value: unknown, idType: 'number' | 'text' | 'ObjectID'): Id | undefined {
  const raw = value && typeof value === 'object' && !Array.isArray(value) ? (value as { id?: unknown }).id : value
  const candidate = idType === 'number' && typeof raw === 'string' && /^\d{1,15}$/.test(raw) ? Number(raw) : raw
  return (typeof candidate === 'string' || typeof candidate === 'number') && isValidID(candidate, idType) ? candidate : undefined
}

function sizeUrls(sizes: unknown): Record<string, unknown> {
  if (!sizes || typeof sizes !== 'object') return {}
  return Object.fromEntries(Object.entries(sizes as Record<string, { url?: unknown } | null>).map(([name, size]) => [name, size?.url ?? null]))
}

/** A value object is a copy of the media document (as a populated read returns it) only if what reaches HTML is the same. */
function isFaithfulCopy(value: Record<string, unknown>, media: Record<string, unknown>): boolean {
  for (const field of CHECKED_FIELDS) if (field in value && (value[field] ?? null) !== (media[field] ?? null)) return false
  if ('sizes' in value) {
    const given = sizeUrls(value.sizes)
    const stored = sizeUrls(media.sizes)
    if (Object.entries(given).some(([name, url]) => url !== (stored[name] ?? null))) return false
  }
  return true
}

/**
 * A rich-text field hook: every upload node must name an existing media
 * document by id. Payload's HTML converter trusts a populated `value`
 * object (its `url` went into `href` unchecked, issue 12), and its own
 * check runs only on publish and never looks the id up. So on every save,
 * drafts included, value objects are reduced to their id, and unknown ids,
 * other collections and objects that disagree with the stored document are
 * refused at the field.
 */
export const requireExistingUploads: FieldHook = async ({ value, path, collection, field, req }) => {
  const nodes = uploadNodesOf(value)
  if (nodes.length === 0) return value
  const idType = req.payload.collections[UPLOAD_COLLECTION]?.customIDType ?? req.payload.db.defaultIDType
  const ids = nodes.map((node) => idOf(node.value, idType))
  const wanted = [...new Set(ids.filter((id): id is Id => id !== undefined))]
  const found = wanted.length
    ? await req.payload.find({ collection: UPLOAD_COLLECTION, where: { id: { in: wanted } }, depth: 0, limit: 0, pagination: false, overrideAccess: true, req })
    : { docs: [] }
  const mediaById = new Map(found.docs.map((doc) => [String(doc.id), doc as unknown as Record<string, unknown> & { id: Id }]))

  const problems: string[] = []
  nodes.forEach((node, index) => {
    const position = `第 ${index + 1} 个插入的文件`
    const id = ids[index]
    const media = id === undefined ? undefined : mediaById.get(String(id))
    if (node.relationTo !== UPLOAD_COLLECTION) problems.push(`${position}不是“图片和文件”中的素材，正文中只能插入图片或 PDF。`)
    else if (id === undefined) problems.push(`${position}没有指明素材编号，请删除后从“图片和文件”中重新选择。`)
    else if (!media) problems.push(`${position}（编号 ${String(id)}）不存在或已被删除，请删除后重新选择。`)
    else if (node.value && typeof node.value === 'object' && !isFaithfulCopy(node.value as Record<string, unknown>, media)) {
      problems.push(`${position}的地址或文件信息与素材库中的记录不符，请删除后从“图片和文件”中重新选择。`)
    } else node.value = media.id
  })
  if (problems.length > 0) {
    const label = 'label' in field && field.label ? field.label : undefined
    throw new ValidationError({ collection: collection?.slug, req, errors: [{ path: path.join('.'), label, message: problems.join(' ') }] }, req.t)
  }
  return value
}
