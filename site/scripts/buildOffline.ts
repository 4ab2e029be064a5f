// `npm run build:offline [-- --with-videos] [-- --out file.zip]`: the whole site as one zip
// for places without a reliable network. Links are made relative (see build/relativeLinks.ts),
// so it opens from a USB drive (double-click index.html) or from any LAN web server;
// serve.mjs inside is a dependency-free server for computers that have Node.js: the site's own
// server (staticServer.ts, with sirv and compression) bundled into one file by esbuild.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { build } from 'esbuild'
import { zipSync, type Zippable } from 'fflate'
import { MEDIA_FOLDER } from '../src/integrations/copyMedia.ts'
import { readSiteConfig } from '../src/config.ts'
import { listPages } from '../src/integrations/pageFiles.ts'
import { relativizeLinks } from '../src/integrations/relativeLinks.ts'
import { buildSite, siteRoot } from './buildSite.ts'
import { addOfflineSearch } from './offlineSearch.ts'

const STORED = new Set(['.m4s', '.mp4', '.m4a', '.ts', '.jpg', '.jpeg', '.png', '.webp', '.zip'])

const README = `共育 · 家长课程 离线包

用法一（一台电脑）：解压后，双击 index.html，用浏览器打开即可浏览全部课程。
用法二（局域网，多部手机）：把解压后的整个文件夹放到学校或社区的任何网页服务器上；
  或者在装了 Node.js 的电脑上，进入这个文件夹运行：node serve.mjs
  然后让手机连上同一个 Wi-Fi，在浏览器里打开 http://（这台电脑的 IP 地址）:4321/
说明：两种用法都能搜索（打开“搜索”页）；也可以按年级、主题浏览。生成时间：__DATE__
`

function addFolder(files: Zippable, folder: string, prefix: string): number {
  let bytes = 0
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name)
    const name = `${prefix}${entry.name}`
    if (entry.isDirectory()) bytes += addFolder(files, full, `${name}/`)
    // Gzipped copies only save bytes on a network; the zip compresses the originals anyway.
    else if (entry.name.endsWith('.gz')) continue
    else {
      const data = readFileSync(full)
      bytes += data.length
      files[name] = STORED.has(path.extname(entry.name).toLowerCase()) ? [data, { level: 0 }] : [data, { level: 9 }]
    }
  }
  return bytes
}

/**
 * Writes the pack's `serve.mjs`: packServer.ts with the server and its libraries in one ES module.
 * Node 14 is the oldest target esbuild's syntax lowering and the libraries still fit; a school's
 * spare computer may run an old Node.js.
 */
export async function bundlePackServer(outfile: string): Promise<void> {
  await build({
    entryPoints: [path.join(siteRoot, 'scripts', 'packServer.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node14',
    // compression and its helpers are CommonJS and `require` Node's modules, which an ES module has only through createRequire.
    banner: { js: "import { createRequire as __createRequire } from 'module'; const require = __createRequire(import.meta.url);" },
    legalComments: 'none',
    logLevel: 'warning',
  })
}

/** Builds the site into a temporary folder, makes it portable and zips it. Returns the zip's path. */
export async function buildOfflinePack(options: {
  out: string
  withVideos: boolean
  /** Extra environment for the build (GONGYU_EXPORT_DIR…). */
  env?: Record<string, string | undefined>
  stdio?: 'inherit' | 'pipe'
}): Promise<{ file: string; pages: number; bytes: number }> {
  const work = mkdtempSync(path.join(tmpdir(), 'gongyu-offline-'))
  try {
    const site = path.join(work, 'gongyu')
    await buildSite({ outDir: site, env: options.env, stdio: options.stdio ?? 'inherit' })
    const pages = listPages(site)
    for (const page of pages) writeFileSync(page.file, relativizeLinks(readFileSync(page.file, 'utf8'), page.route))
    await bundlePackServer(path.join(site, 'serve.mjs'))
    await addOfflineSearch(site)
    writeFileSync(path.join(site, 'README.txt'), README.replace('__DATE__', new Date().toISOString().slice(0, 10)))
    // The build links the CMS's video into media/hls; a pack without videos leaves it out (captions are tiny and stay).
    const video = path.join(site, MEDIA_FOLDER, 'hls')
    if (!options.withVideos) rmSync(video, { recursive: true, force: true })
    else if (!existsSync(video)) console.warn('这次导出没有可播放的视频，离线包不含视频。')
    const files: Zippable = {}
    addFolder(files, site, 'gongyu/')
    mkdirSync(path.dirname(options.out), { recursive: true })
    writeFileSync(options.out, zipSync(files))
    return { file: options.out, pages: pages.length, bytes: statSync(options.out).size }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const outIndex = process.argv.indexOf('--out')
  const dataDir = readSiteConfig().dataDirectory
  const out = path.resolve(outIndex > 0 ? (process.argv[outIndex + 1] ?? '') : path.join(dataDir, 'offline', 'gongyu-offline.zip'))
  const result = await buildOfflinePack({ out, withVideos: process.argv.includes('--with-videos') })
  console.log(`离线包已生成：${result.file}（${result.pages} 个页面，${(result.bytes / 1024 / 1024).toFixed(1)} MB）`)
}
