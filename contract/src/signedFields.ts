// zod/mini, imported as a namespace so it tree-shakes: these run in the verify and check-in pages, where the full zod would cost about 100 KB gzip.
import * as z from 'zod/mini'

/** Base64url text between two lengths (key ids, certificate ids). */
export const base64urlText = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max), z.regex(/^[A-Za-z0-9_-]+$/))
/** Trimmed, non-empty text up to a length. */
export const boundedText = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max))
/** An ISO calendar day, YYYY-MM-DD. */
export const isoDate = z.iso.date()
