import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { PartLoader } from './ShardedSearch.ts'
import { SearchPartError } from './SearchPartError.ts'
import { parsePartScript } from './shardedFormat.ts'

/** Reads parts of a sharded index from a folder (Node: tests, the bench, the command line), reporting what was read. */
export function filePartLoader(folder: string, onRead?: (name: string, bytes: number) => void): PartLoader {
  return async (name) => {
    let text: string
    try {
      text = await readFile(path.join(folder, name), 'utf8')
    } catch {
      throw new SearchPartError('missing', name)
    }
    onRead?.(name, Buffer.byteLength(text))
    try {
      return parsePartScript(name, text)
    } catch {
      throw new SearchPartError('corrupt', name)
    }
  }
}
