import { describe, expect, it } from 'vitest'
import { BodyTooLargeError, limitBodyStream } from './limitBodyStream'

const streamOf = (...parts: number[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const size of parts) controller.enqueue(new Uint8Array(size))
      controller.close()
    },
  })

describe('limitBodyStream', () => {
  it('passes a body within the limit unchanged', async () => {
    let exceeded = false
    const body = await new Response(
      limitBodyStream(streamOf(5, 5), 10, () => {
        exceeded = true
      }),
    ).arrayBuffer()
    expect(body.byteLength).toBe(10)
    expect(exceeded).toBe(false)
  })

  it('errors the stream and reports once the body passes the limit', async () => {
    let exceeded = false
    await expect(
      new Response(
        limitBodyStream(streamOf(5, 5, 1), 10, () => {
          exceeded = true
        }),
      ).arrayBuffer(),
    ).rejects.toBeInstanceOf(BodyTooLargeError)
    expect(exceeded).toBe(true)
  })
})
