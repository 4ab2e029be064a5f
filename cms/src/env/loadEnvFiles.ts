import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The `cms/` package folder (computed here rather than imported: `npm start` runs this file with plain Node). */
const cmsRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/**
 * Loads `cms/.env.local`, then `cms/.env`, into `process.env` with Node's
 * `process.loadEnvFile`, for the process Next.js and Payload's CLI (which
 * load them themselves) do not start: `npm start`'s orchestrator reads its
 * ports and admin account before it starts either. A variable already set
 * wins over both files, and `.env.local` over `.env`, as in Next.js.
 * Returns the files loaded.
 */
export function loadEnvFiles(directory: string = cmsRoot): string[] {
  const loaded: string[] = []
  for (const name of ['.env.local', '.env']) {
    const file = path.join(directory, name)
    if (!existsSync(file)) continue
    process.loadEnvFile(file)
    loaded.push(file)
  }
  return loaded
}
