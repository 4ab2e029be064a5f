// The 打印 button of PrintNote.astro. A file of its own rather than an Astro script: a script this small would be
// inlined into the page, which the site's CSP (script-src 'self') refuses. Inside WeChat's browser print does
// nothing, so there the button shows how to print instead (open in the system browser, or the Word download).
const inWeChat = /MicroMessenger/i.test(navigator.userAgent)
for (const button of document.querySelectorAll('[data-print]')) {
  button.hidden = false
  button.addEventListener('click', () => {
    const hint = document.querySelector('[data-wechat-hint]')
    if (inWeChat || typeof window.print !== 'function') {
      if (hint) {
        hint.hidden = false
        hint.focus()
      }
      return
    }
    window.print()
  })
}
