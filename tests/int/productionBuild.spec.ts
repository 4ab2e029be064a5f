import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildInputsHash, ensureProductionBuild } from '../../cms/scripts/productionBuild.ts'

// A tiny repository and a stand-in for `next build` that writes .next/BUILD_ID and counts its runs.
let root: string
let cmsRoot: string
let fakeNext: string
let runs: string

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'gongyu-build-'))
  cmsRoot = path.join(root, 'cms')
  for (const folder of ['cms/src', 'search/src', 'seed/src']) mkdirSync(path.join(root, folder), { recursive: true })
  writeFileSync(path.join(root, 'package-lock.json'), '{}')
  writeFileSync(path.join(root, 'cms/next.config.mjs'), 'export default {}')
  writeFileSync(path.join(root, 'cms/src/page.tsx'), 'export default 1')
  writeFileSync(path.join(root, 'search/src/index.ts'), 'export const a = 1')
  runs = path.join(root, 'runs.txt')
  fakeNext = path.join(root, 'fake-next.mjs')
  writeFileSync(
    fakeNext,
    `import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs'
if (process.argv[2] !== 'build' || process.argv[3] !== '--webpack') process.exit(2)
if (process.env.NODE_ENV !== 'production') process.exit(3)
if (process.env.FAIL_BUILD) process.exit(1)
mkdirSync('.next', { recursive: true })
writeFileSync('.next/BUILD_ID', 'x')
appendFileSync(${JSON.stringify(runs)}, 'run\\n')`,
  )
})

afterEach(() => rmSync(root, { recursive: true, force: true }))

const buildCount = () => (existsSync(runs) ? readFileSync(runs, 'utf8').trim().split('\n').length : 0)

describe('the production build npm start serves', () => {
  it('is built once, reused while the code is unchanged, and rebuilt when it changes', async () => {
    expect(await ensureProductionBuild(cmsRoot, fakeNext)).toBe('built')
    expect(await ensureProductionBuild(cmsRoot, fakeNext)).toBe('reused')
    expect(buildCount()).toBe(1)
    // A unit test beside the code never reaches the build.
    writeFileSync(path.join(root, 'cms/src/page.test.ts'), 'test')
    expect(await ensureProductionBuild(cmsRoot, fakeNext)).toBe('reused')
    for (const change of ['cms/src/page.tsx', 'search/src/index.ts', 'package-lock.json', 'cms/next.config.mjs']) {
      writeFileSync(path.join(root, change), `// changed ${change}`)
      expect(await ensureProductionBuild(cmsRoot, fakeNext), change).toBe('built')
      expect(await ensureProductionBuild(cmsRoot, fakeNext), change).toBe('reused')
    }
    expect(buildCount()).toBe(5)
  })

  it('builds once when two starts ask at the same time', async () => {
    const results = await Promise.all([ensureProductionBuild(cmsRoot, fakeNext), ensureProductionBuild(cmsRoot, fakeNext)])
    expect(results.sort()).toEqual(['built', 'reused'])
    expect(buildCount()).toBe(1)
  })

  it('writes no stamp when the build fails, so the next start builds again', async () => {
    process.env.FAIL_BUILD = '1'
    try {
      await expect(ensureProductionBuild(cmsRoot, fakeNext)).rejects.toThrow(/后台构建失败/)
    } finally {
      delete process.env.FAIL_BUILD
    }
    expect(await ensureProductionBuild(cmsRoot, fakeNext)).toBe('built')
  })

  it('hashes paths and contents: a renamed file changes the hash', () => {
    const before = buildInputsHash(root)
    rmSync(path.join(root, 'search/src/index.ts'))
    writeFileSync(path.join(root, 'search/src/renamed.ts'), 'export const a = 1')
    expect(buildInputsHash(root)).not.toBe(before)
  })
})
