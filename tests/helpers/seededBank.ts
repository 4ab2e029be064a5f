import { createHash } from 'node:crypto'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { StarterContent } from '@gongyu/seed/content'
import { cachedFolder } from './cachedFolder.ts'
import { startTestPayload, type TestPayload } from './testPayload.ts'

/** A part of the starter bank, seeded once through Payload and kept as a SQLite data folder. */
export interface BankSpec {
  /** Names the cached folder, for people looking into the test-bank cache (see TEST_CACHE_ROOT). */
  name: string
  /** The part of the starter bank to load; all of it when omitted. */
  select?: (content: StarterContent) => StarterContent
  /** Also render and attach the sample videos (ffmpeg), as `npm run seed` does. */
  sampleVideos?: boolean
  /** Also run the video queue on them (their HLS renditions), as npm start's job runner does after seeding. */
  transcodeVideos?: boolean
}

/** The whole starter bank, without sample videos. */
export const WHOLE_BANK: BankSpec = { name: 'whole' }

/**
 * Starts Payload on a test database (harness organizations and users, as
 * `startTestPayload` makes them) with part of the starter bank loaded by the
 * seed loader. The first test file that needs a bank seeds its own database
 * and keeps a copy (tests/helpers/cachedFolder.ts); later ones, in this run
 * and later runs while the seed content and the CMS code stay the same, start
 * from a copy of that. Tests that check seeding itself seed for themselves.
 */
export async function startSeededTestPayload(spec: BankSpec): Promise<TestPayload> {
  const { readStarterContent } = await import('@gongyu/seed/content')
  const whole = readStarterContent()
  const content = spec.select ? spec.select(whole) : whole
  // The slice's own file list is part of the name, so a changed slice never finds the old bank.
  const slice = JSON.stringify({
    files: content.files.map((item) => item.file),
    themes: content.themes.map((theme) => theme.slug),
    sampleVideos: Boolean(spec.sampleVideos),
    transcodeVideos: Boolean(spec.transcodeVideos),
  })
  const sliceKey = createHash('sha256').update(slice).digest('hex').slice(0, 12)
  let seededHere: TestPayload | undefined
  const bank = await cachedFolder(`${spec.name}-${sliceKey}`, async (folder) => {
    // Seeded in this test's own database, then copied: a second Payload in the same process would keep
    // the first one's upload folders, which the collections read from the environment when first imported.
    const renders = mkdtempSync(path.join(tmpdir(), 'gongyu-bank-videos-'))
    const t = await startTestPayload()
    try {
      const { loadStarterContent } = await import('@gongyu/seed/load')
      await loadStarterContent(t.payload, { content, videoCacheDir: spec.sampleVideos ? renders : undefined })
      if (spec.transcodeVideos) await t.payload.jobs.run({ queue: 'video', limit: 100, sequential: true })
      cpSync(t.dataDir, folder, { recursive: true })
      seededHere = t
    } catch (error) {
      await t.close()
      throw error
    } finally {
      rmSync(renders, { recursive: true, force: true })
    }
  })
  return seededHere ?? startTestPayload({ from: bank })
}
