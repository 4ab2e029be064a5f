import type { Payload } from 'payload'

type Id = string | number

/** What published HTML may show of a media document; its URL is the one Payload computes from the stored file. */
export interface PublicMedia {
  url: string
  alt: string
  filename: string
  mimeType: string
  width: number | null
  height: number | null
}

/** Finds the media document an upload node names, by id only. */
export type MediaLookup = (idOrValue: unknown) => PublicMedia | undefined

/** The id an upload node's value names; a value object counts only for its `id`, never its other fields. */
export function mediaIdOf(value: unknown): Id | undefined {
  const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : value
  return typeof id === 'string' || typeof id === 'number' ? id : undefined
}

/**
 * Loads the media documents rich text can show. Upload nodes in published
 * content name them (checked on save by requireExistingUploads), so they
 * are public by being referenced; they are read with access overridden
 * because media listing itself need not be public.
 */
export async function mediaLookup(payload: Payload): Promise<MediaLookup> {
  const { docs } = await payload.find({ collection: 'media', limit: 0, pagination: false, depth: 0, overrideAccess: true })
  const byId = new Map<string, PublicMedia>()
  for (const doc of docs) {
    if (typeof doc.url !== 'string' || typeof doc.mimeType !== 'string') continue
    byId.set(String(doc.id), {
      url: doc.url,
      alt: doc.alt ?? '',
      filename: doc.filename ?? '',
      mimeType: doc.mimeType,
      width: doc.width ?? null,
      height: doc.height ?? null,
    })
  }
  return (value) => {
    const id = mediaIdOf(value)
    return id === undefined ? undefined : byId.get(String(id))
  }
}
