/** Thrown into a request body stream that ran past its size limit. */
export class BodyTooLargeError extends Error {
  constructor(limit: number) {
    super(`Request body exceeds ${limit} bytes`)
    this.name = 'BodyTooLargeError'
  }
}

/**
 * Passes a streamed body through, counting bytes; past `limit` it errors the
 * stream (which cancels the source, so nothing more is read) and calls
 * `onExceeded`. For bodies too large to buffer, such as uploads sent without
 * a Content-Length.
 */
export function limitBodyStream(body: ReadableStream<Uint8Array>, limit: number, onExceeded: () => void): ReadableStream<Uint8Array> {
  let size = 0
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength
        if (size > limit) {
          onExceeded()
          controller.error(new BodyTooLargeError(limit))
          return
        }
        controller.enqueue(chunk)
      },
    }),
  )
}
