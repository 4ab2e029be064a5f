import { globSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  browserTestFiles,
  goVersionAtLeast,
  machineCapabilities,
  machineLacks,
  meilisearchTestFiles,
  objectStorageTestFiles,
  requiredGoVersion,
  videoTestFiles,
} from './machineCapabilities.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))
const testFiles = globSync('tests/**/*.spec.ts', { cwd: root }).sort()
const sourceOf = (file: string) => readFileSync(`${root}/${file}`, 'utf8')

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('the lists of tests that need the machine', () => {
  it('name the browser tests exactly: the files that launch Chromium', () => {
    const launching = testFiles.filter((file) => /helpers\/browser\.ts'/.test(sourceOf(file)))
    expect([...browserTestFiles].sort()).toEqual(launching)
  })

  it('name every file whose set-up needs ffmpeg (seed.int skips its one video test itself)', () => {
    const usingFfmpeg = testFiles.filter((file) => /fixtures\/videoFixtures\.ts'|helpers\/videoSite\.ts'|\(?'ffmpeg'/.test(sourceOf(file)))
    expect(usingFfmpeg.filter((file) => !(videoTestFiles as readonly string[]).includes(file))).toEqual([])
    expect(sourceOf('tests/int/seed.int.spec.ts')).toContain("it.skipIf(machineLacks('video'))")
    for (const file of videoTestFiles) expect(testFiles).toContain(file)
  })
})

describe('machine capabilities', () => {
  it('compares Go versions as Debian and `go env GOVERSION` write them', () => {
    expect(goVersionAtLeast('2:1.19~1', '1.24')).toBe(false)
    expect(goVersionAtLeast('go1.24.0', '1.24')).toBe(true)
    expect(goVersionAtLeast('go1.26.8', '1.24')).toBe(true)
    expect(goVersionAtLeast('2.0', '1.24')).toBe(true)
    expect(requiredGoVersion()).toMatch(/^\d+\.\d+$/)
  })

  it('treats what GONGYU_MACHINE_WITHOUT names as missing, with its files, reason and install command', () => {
    vi.stubEnv('GONGYU_MACHINE_WITHOUT', 'chromium,video')
    const missing = machineCapabilities().filter((state) => !state.available)
    expect(missing.map((state) => state.capability)).toEqual(['chromium', 'video'])
    expect(missing[0]?.files).toEqual(browserTestFiles)
    expect(missing[0]?.install).toBe('apt-get install chromium')
    expect(missing[1]?.install).toBe('apt-get install ffmpeg fonts-noto-cjk')
    expect(missing.every((state) => state.reason.length > 0)).toBe(true)
  })

  it('finds Meilisearch through MEILI_BIN or MEILI_HOST, and says how to point at one when it is missing', () => {
    vi.stubEnv('MEILI_HOST', '')
    vi.stubEnv('MEILI_BIN', '/nonexistent/meilisearch')
    const missing = machineCapabilities().find((state) => state.capability === 'meilisearch')
    expect(missing).toMatchObject({ available: false, files: [] })
    expect(missing?.reason).toContain('MEILI_BIN=/nonexistent/meilisearch')
    expect(missing?.install).toMatch(/MEILI_BIN.*MEILI_HOST/)
    expect(missing?.neededBy).toContain('tests/int/searchContract.int.spec.ts')
    vi.stubEnv('MEILI_HOST', 'http://127.0.0.1:7700')
    expect(machineCapabilities().find((state) => state.capability === 'meilisearch')?.available).toBe(true)
  })

  it('list every test file that starts Meilisearch', () => {
    const usingMeilisearch = testFiles.filter((file) => /helpers\/meilisearch\.ts'/.test(sourceOf(file)))
    expect([...meilisearchTestFiles].sort()).toEqual(usingMeilisearch)
  })

  it('list every test file that starts the S3 server, and skip them with a reason when it is missing', () => {
    const usingSeaweedFS = testFiles.filter((file) => /helpers\/seaweedfs\.ts'/.test(sourceOf(file)))
    expect([...objectStorageTestFiles].sort()).toEqual(usingSeaweedFS)
    vi.stubEnv('GONGYU_MACHINE_WITHOUT', 's3')
    const missing = machineCapabilities().find((state) => state.capability === 's3')
    expect(missing).toMatchObject({ available: false, files: objectStorageTestFiles, reason: 'GONGYU_MACHINE_WITHOUT names s3' })
    expect(missing?.install).toContain('bash tests/s3/install-seaweedfs.sh')
  })

  it('tells a test worker what the config found missing', () => {
    vi.stubEnv('GONGYU_MACHINE_MISSING', 'video,mongodb')
    expect(machineLacks('video')).toBe(true)
    expect(machineLacks('chromium')).toBe(false)
  })
})
