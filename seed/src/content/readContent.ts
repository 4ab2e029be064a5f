import { readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { type ContentKind, contentKinds } from './contentKinds.ts'
import type { ThemeEntry } from './frontMatter/themeEntry.ts'

/** One Markdown file of starter content, parsed but not yet validated. */
export interface ContentFile {
  kind: ContentKind
  /** The file name without `.md`; it is the item's slug. */
  slug: string
  /** Path relative to the content folder, for error messages. */
  file: string
  data: Record<string, unknown>
  body: string
}

export interface StarterContent {
  /** The entries of `themes.yaml`, as written; the content lint checks them. */
  themes: ThemeEntry[]
  files: ContentFile[]
}

/** Raised when a content file cannot even be parsed; names the file. */
export class ContentParseError extends Error {
  readonly file: string
  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`)
    this.name = 'ContentParseError'
    this.file = file
  }
}

/** The starter content folder shipped in this package. */
export const defaultContentDir = fileURLToPath(new URL('../../content', import.meta.url))

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/

/** Parses one Markdown file with YAML front matter. */
export function parseContentFile(kind: ContentKind, file: string, source: string): ContentFile {
  const match = FRONT_MATTER.exec(source)
  if (!match) throw new ContentParseError(file, '缺少 YAML 头部（以 --- 开始和结束）')
  let data: unknown
  try {
    data = parseYaml(match[1] ?? '')
  } catch (error) {
    throw new ContentParseError(file, `YAML 头部无法解析：${(error as Error).message}`)
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new ContentParseError(file, 'YAML 头部必须是键值对')
  }
  return {
    kind,
    slug: basename(file, '.md'),
    file,
    data: data as Record<string, unknown>,
    body: (match[2] ?? '').trim(),
  }
}

function listMarkdownFiles(dir: string): string[] {
  let entries: string[]
  try {
    entries = readdirSync(dir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  return entries.sort().flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return listMarkdownFiles(path)
    return name.endsWith('.md') ? [path] : []
  })
}

/** Reads every content file and the theme list from a content folder. */
export function readStarterContent(contentDir: string = defaultContentDir): StarterContent {
  const themesFile = join(contentDir, 'themes.yaml')
  const themes = parseYaml(readFileSync(themesFile, 'utf8')) as ThemeEntry[]
  const files: ContentFile[] = []
  for (const [kind, { folder }] of Object.entries(contentKinds) as [ContentKind, (typeof contentKinds)[ContentKind]][]) {
    for (const path of listMarkdownFiles(join(contentDir, folder))) {
      files.push(parseContentFile(kind, relative(contentDir, path), readFileSync(path, 'utf8')))
    }
  }
  return { themes, files }
}
