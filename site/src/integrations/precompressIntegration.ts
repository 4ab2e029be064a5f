import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import type { AstroIntegration } from 'astro'

// Scripts, styles and data that phones on slow networks fetch; pages stay as they are (they are small).
const COMPRESSIBLE = new Set(['.js', '.css', '.json', '.svg', '.vtt'])
const FOLDERS = ['_astro', 'widgets', 'feeds', 'zh-hant/feeds']
const SMALLEST = 1024

function filesUnder(folder: string): string[] {
  // A folder a build does not produce (no widgets yet) has nothing to compress.
  if (!existsSync(folder)) return []
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
}

/** Writes a gzipped copy beside each sizeable script, stylesheet and feed; the site server sends it to clients that accept gzip. */
export function precompressIntegration(): AstroIntegration {
  return {
    name: 'gongyu-precompress',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir)
        let count = 0
        for (const file of FOLDERS.flatMap((folder) => filesUnder(path.join(outDir, folder)))) {
          if (!COMPRESSIBLE.has(path.extname(file)) || statSync(file).size < SMALLEST) continue
          writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }))
          count += 1
        }
        logger.info(`预压缩 ${count} 个文件`)
      },
    },
  }
}
