import type { Server } from 'node:http'

/** MIME types by extension. */
export declare const MIME_TYPES: Record<string, string>

/** Serves a folder (re-read on every request, so a rebuilt site can be swapped in) plus folders mounted at URL prefixes. */
export declare function createStaticServer(options: { root: () => string; mounts?: Record<string, string> }): Server

/** The path a request URL names, decoded, with `//` collapsed and dot segments resolved; header rules match it. Throws URIError on bad escapes. */
export declare function normalizedPath(requestUrl: string | undefined): string
