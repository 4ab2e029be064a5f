// Registers the offline service worker (sw.js, beside this file). Service
// workers need https or localhost; elsewhere (a LAN server, a USB copy
// opened from disk) the site simply works without offline saving.
if ('serviceWorker' in navigator && window.isSecureContext) {
  const scope = new URL('./', import.meta.url)
  navigator.serviceWorker
    .register(new URL('sw.js', scope), { scope: scope.pathname })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => registration.active?.postMessage({ type: 'keep-page', url: location.href }))
    .catch((error) => console.warn('离线保存不可用：', error))
}
