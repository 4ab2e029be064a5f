import { describe, expect, it } from 'vitest'
import { needsAlternateAudio } from './loadHls.ts'

describe('choosing the hls.js build from the parsed master playlist', () => {
  it('keeps hls.js/light when every rung carries its sound (no audio group)', () => {
    expect(needsAlternateAudio([{ audioGroups: undefined }, { audioGroups: [undefined] }])).toBe(false)
    expect(needsAlternateAudio([])).toBe(false)
  })

  it('asks for the full build when a rung takes its sound from an EXT-X-MEDIA group, as ladders before issue 18 do', () => {
    expect(needsAlternateAudio([{ audioGroups: undefined }, { audioGroups: ['audio'] }])).toBe(true)
  })
})
