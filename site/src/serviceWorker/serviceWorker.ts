// The offline service worker, bundled into /sw.js by integrations/buildServiceWorker.ts and
// registered by public/sw-register.js. It keeps the pages a parent has opened readable without a network:
// - pages: network first (fresh when online); the saved copy when offline or when the network takes
//   longer than a few seconds (2G); a page never saved gives the offline page of its script;
// - the two offline pages and the stylesheets are precached from the build's manifest; other hashed
//   `_astro/` files are kept the first time they are used;
// - video and everything else pass straight through: never cached here.
import { CacheableResponsePlugin } from 'workbox-cacheable-response'
import { clientsClaim, type WorkboxPlugin } from 'workbox-core'
import { ExpirationPlugin } from 'workbox-expiration'
import { cleanupOutdatedCaches, matchPrecache, type PrecacheEntry, precacheAndRoute } from 'workbox-precaching'
import { NavigationRoute, registerRoute, setCatchHandler } from 'workbox-routing'
import { CacheFirst, NetworkFirst } from 'workbox-strategies'

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] }

// Pages outlive builds: a lesson read last month should still open offline after the site is rebuilt.
const PAGE_CACHE = 'gongyu-pages'
const ASSET_CACHE = 'gongyu-assets'
const MAX_PAGES = 300
const MAX_ASSETS = 100
const NETWORK_TIMEOUT_SECONDS = 4
const scope = new URL(self.registration.scope)

/** A page is saved once, whatever its query (`?q=` on the search page, tracking parameters). */
const withoutQuery: WorkboxPlugin = {
  cacheKeyWillBeUsed: async ({ request }) => {
    const key = new URL(request.url)
    key.search = ''
    key.hash = ''
    return key.href
  },
}

const pages = new NetworkFirst({
  cacheName: PAGE_CACHE,
  networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
  plugins: [withoutQuery, new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: MAX_PAGES })],
})

self.skipWaiting()
clientsClaim()
// The hand-written worker before Workbox kept stylesheets in one cache per build.
self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((names) => Promise.all(names.filter((name) => name.startsWith('gongyu-static-')).map((name) => caches.delete(name)))))
})
cleanupOutdatedCaches()
// `self.__WB_MANIFEST` is replaced at build time by Workbox's injectManifest with the files to keep from the start.
precacheAndRoute(self.__WB_MANIFEST)

registerRoute(new NavigationRoute(pages))
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith(`${scope.pathname}_astro/`),
  new CacheFirst({
    cacheName: ASSET_CACHE,
    plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: MAX_ASSETS, purgeOnQuotaError: true })],
  }),
)

// A page neither on the network nor saved: the offline page, in the script of the page asked for.
setCatchHandler(async ({ request }) => {
  if (request.mode !== 'navigate') return Response.error()
  const traditional = new URL(request.url).pathname.startsWith(`${scope.pathname}zh-hant/`)
  const offline = await matchPrecache(traditional ? 'zh-hant/offline/index.html' : 'offline/index.html')
  return offline ?? new Response('没有网络，这一页还没有保存。', { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } })
})

/** Saves a page the worker did not see loading, unless it is saved already. */
async function keepPage(event: ExtendableMessageEvent, url: URL): Promise<void> {
  const key = new URL(url)
  key.search = ''
  key.hash = ''
  if (await caches.match(key.href, { cacheName: PAGE_CACHE })) return
  await pages.handle({ event, request: new Request(url.href) })
}

// The page that registered the worker loaded before the worker existed; it asks to be kept (sw-register.js).
self.addEventListener('message', (event) => {
  const message = event.data as { type?: unknown; url?: unknown } | null
  if (message?.type !== 'keep-page' || typeof message.url !== 'string') return
  const url = new URL(message.url)
  if (url.origin !== scope.origin) return
  event.waitUntil(keepPage(event, url))
})
