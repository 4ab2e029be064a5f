import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { PLAYER_SCRIPT_BYTES } from './playerBytes.ts'

describe('the player’s size in data-cost labels', () => {
  it('stays within 5% of the installed hls.js, gzipped (the built chunk itself is checked by the video page e2e test)', () => {
    // The player imports hls.js/light (loadHls.ts); hls.js ships it minified as dist/hls.light.min.mjs.
    const file = createRequire(import.meta.url).resolve('hls.js/dist/hls.light.min.mjs')
    const gzipped = gzipSync(readFileSync(file), { level: 9 }).length
    expect(Math.abs(gzipped - PLAYER_SCRIPT_BYTES) / gzipped).toBeLessThan(0.05)
  })
})
