import { describe, expect, it } from 'vitest'
import { readLimitedBody } from './readLimitedBody'

function chunks(sizes: number[]) {
  const pulled = { bytes: 0 }
  let index = 0
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const size = sizes[index++]
        if (size === undefined) return controller.close()
        pulled.bytes += size
        controller.enqueue(new Uint8Array(size).fill(index))
      },
    },
    { highWaterMark: 0 },
  )
  return { stream, pulled }
}

describe('readLimitedBody', () => {
  it('returns the whole body when it fits', async () => {
    const result = await readLimitedBody(chunks([3, 4]).stream, 7)
    expect(result).toEqual(new Uint8Array([1, 1, 1, 2, 2, 2, 2]))
  })

  it('stops at the first chunk past the limit and cancels the rest', async () => {
    const { stream, pulled } = chunks([4, 4, 4, 4, 4])
    expect(await readLimitedBody(stream, 10)).toBe('too-large')
    expect(pulled.bytes).toBe(12)
  })
})
