import type { PartLoader } from './ShardedSearch.ts'
import { SearchPartError } from './SearchPartError.ts'
import { PART_CALLBACK } from './shardedFormat.ts'

type PartCallback = (name: string, data: unknown) => void
type Arrived = { data: unknown }

/**
 * Loads parts as `<script>` elements from a base URL (the site's
 * `search-index/` folder). Scripts load from file:// as well as over HTTP,
 * where fetch would fail (the offline pack opened by double-click). A part
 * that fails to load is `missing`; one that loads but never calls back
 * (cut short, edited, not a part) is `corrupt`.
 */
export function scriptPartLoader(baseUrl: string): PartLoader {
  const scope = globalThis as unknown as Record<string, PartCallback | undefined>
  const arrived = new Map<string, Arrived>()
  const previous = scope[PART_CALLBACK]
  // Parts of another index on the same page (a second search element) pass through to its loader.
  scope[PART_CALLBACK] = (name, data) => {
    arrived.set(name, { data })
    previous?.(name, data)
  }
  return (name) =>
    new Promise((resolve, reject) => {
      const script = document.createElement('script')
      script.src = new URL(name, baseUrl).href
      script.async = true
      script.addEventListener('load', () => {
        script.remove()
        const part = arrived.get(name)
        arrived.delete(name)
        if (part) resolve(part.data)
        else reject(new SearchPartError('corrupt', name))
      })
      script.addEventListener('error', () => {
        script.remove()
        reject(new SearchPartError('missing', name))
      })
      document.head.append(script)
    })
}
