// Keeps the pages a parent has opened readable without a network.
// Pages: network first (fresh when online), falling back to the saved copy
// when offline or when the network takes longer than a few seconds (2G).
// Stylesheets: hashed and immutable, so the saved copy is always right.
// Video and everything else pass straight through: never cached here.
// The build stamps VERSION and PRECACHE (site/build/gongyuIntegration.ts).
const VERSION = '__GONGYU_BUILD__'
const PRECACHE = [] /* __GONGYU_PRECACHE__ */
const STATIC_CACHE = `gongyu-static-${VERSION}`
// Pages outlive builds: a lesson read last month should still open offline after the site is rebuilt.
const PAGE_CACHE = 'gongyu-pages'
const MAX_PAGES = 300
const NETWORK_TIMEOUT_MS = 4000
const scope = new URL(self.registration.scope)

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(STATIC_CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((entry) => new URL(entry, scope))))
      .then(() => self.skipWaiting()),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('gongyu-static-') && name !== STATIC_CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  )
})

function pageKey(url) {
  const key = new URL(url)
  key.search = ''
  key.hash = ''
  return key.toString()
}

async function trimPages(cache) {
  const keys = await cache.keys()
  for (const key of keys.slice(0, Math.max(0, keys.length - MAX_PAGES))) await cache.delete(key)
}

async function keepPage(url, response) {
  if (!response.ok || response.type !== 'basic') return
  const cache = await caches.open(PAGE_CACHE)
  await cache.put(pageKey(url), response)
  await trimPages(cache)
}

async function offlinePage(url) {
  const traditional = new URL(url).pathname.startsWith(`${scope.pathname}zh-hant/`)
  const fallback = await caches.match(new URL(traditional ? 'zh-hant/offline/' : 'offline/', scope).toString())
  return fallback ?? new Response('没有网络，这一页还没有保存。', { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } })
}

function page(event) {
  const { request } = event
  const network = fetch(request).then((response) => {
    event.waitUntil(keepPage(request.url, response.clone()))
    return response
  })
  event.waitUntil(network.catch(() => undefined))
  return caches.match(pageKey(request.url), { cacheName: PAGE_CACHE }).then((saved) => {
    if (!saved) return network.catch(() => offlinePage(request.url))
    const slow = new Promise((resolve) => setTimeout(() => resolve(saved), NETWORK_TIMEOUT_MS))
    return Promise.race([network, slow]).catch(() => saved)
  })
}

function asset(request) {
  return caches.match(request).then(
    (saved) =>
      saved ??
      fetch(request).then((response) => {
        if (response.ok) {
          const copy = response.clone()
          caches.open(STATIC_CACHE).then((cache) => cache.put(request, copy))
        }
        return response
      }),
  )
}

self.addEventListener('fetch', (event) => {
  const { request } = event
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== scope.origin) return
  if (request.mode === 'navigate') event.respondWith(page(event))
  else if (url.pathname.startsWith(`${scope.pathname}_astro/`)) event.respondWith(asset(request))
})

// The page that registered the worker loaded before the worker existed; it asks to be kept.
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'keep-page' || typeof event.data.url !== 'string') return
  const url = new URL(event.data.url)
  if (url.origin !== scope.origin) return
  event.waitUntil(caches.match(pageKey(url), { cacheName: PAGE_CACHE }).then((saved) => saved ?? fetch(url).then((response) => keepPage(url, response))))
})
