import { describe, expect, it } from 'vitest'
import { countDifferences } from './restoreBackup'

describe('restored counts against the manifest', () => {
  it('names every table or collection whose count differs, including ones missing on either side', () => {
    expect(countDifferences({ lessons: 320, themes: 20, media: 3 }, { lessons: 320, themes: 19, videos: 1 })).toEqual([
      'media：备份中 3 条，恢复后 0 条',
      'themes：备份中 20 条，恢复后 19 条',
      'videos：备份中 0 条，恢复后 1 条',
    ])
  })

  it('finds none when every count matches', () => {
    expect(countDifferences({ lessons: 320, _lessons_v: 700 }, { _lessons_v: 700, lessons: 320 })).toEqual([])
  })
})
