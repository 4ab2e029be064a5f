import type { HTMLConverters } from '@payloadcms/richtext-lexical/html'
import { escapeHtml } from '@gongyu/contract'
import type { MediaLookup } from './mediaLookup'

/**
 * Renders Lexical upload nodes from the media document the node names,
 * never from the node's own `value` fields: Payload's converter writes a
 * stored `value.url` into `href`/`src` unchecked (issue 12, defect 2).
 * Images become `<img>`, other files a link; an unknown id renders nothing.
 */
export function uploadHtmlConverter(mediaOf: MediaLookup | undefined): Pick<HTMLConverters, 'upload'> {
  return {
    upload: ({ node }) => {
      const media = node.relationTo === 'media' ? mediaOf?.(node.value) : undefined
      if (!media) return ''
      const url = escapeHtml(media.url)
      if (media.mimeType.startsWith('image/')) {
        const size = media.width && media.height ? ` width="${media.width}" height="${media.height}"` : ''
        return `<img src="${url}" alt="${escapeHtml(media.alt)}"${size} loading="lazy">`
      }
      return `<a href="${url}">${escapeHtml(media.filename || media.alt)}</a>`
    },
  }
}
