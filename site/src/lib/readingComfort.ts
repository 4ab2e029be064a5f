import { createHash } from 'node:crypto'

/** The localStorage keys the reading script keeps (nothing about the reader: a size and a dismissal). */
export const TEXT_SIZE_KEY = 'gongyu-text-size'
export const HANT_OFFER_KEY = 'gongyu-hant-offer'

/** The 字号 choices: the class each puts on <html> (none for 标准) and its button text. */
export const TEXT_SIZES = [
  { code: 'standard', text: '标准' },
  { code: 'large', text: '大' },
  { code: 'x-large', text: '特大' },
] as const

/**
 * The one inline script of every page, run in <head> before the first paint so
 * a chosen text size never flashes at the standard size. It sets classes on
 * <html> that the stylesheet reads:
 * - `text-large` / `text-x-large`: the remembered 字号;
 * - `offer-hant`: a Simplified page in a browser whose first Chinese language
 *   is zh-TW, zh-HK, zh-MO or zh-Hant, unless the offer was dismissed (it
 *   shows a link, it never redirects);
 * - `wechat`: WeChat's in-app browser (no service worker, no downloads), which
 *   shows the 在浏览器打开 hints;
 * - `js`: the 字号 buttons work.
 * Clicks on the buttons are handled by one listener on the document. Storage
 * may be off (private modes, file://): then the choice lasts for the page.
 * It is inline so it costs no request; the CSP allows it by its hash.
 */
export const READING_SCRIPT = `(function () {
  var root = document.documentElement
  var classes = root.classList
  function read(key) {
    try { return localStorage.getItem(key) } catch (error) { return null }
  }
  function write(key, value) {
    try { localStorage.setItem(key, value) } catch (error) { return }
  }
  function setSize(size) {
    var chosen = size === 'large' || size === 'x-large' ? size : 'standard'
    classes.remove('text-large', 'text-x-large')
    if (chosen !== 'standard') classes.add('text-' + chosen)
    var buttons = document.querySelectorAll('[data-text-size]')
    for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute('aria-pressed', String(buttons[i].getAttribute('data-text-size') === chosen))
  }
  classes.add('js')
  setSize(read('${TEXT_SIZE_KEY}'))
  var languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || '']
  var chinese = ''
  for (var i = 0; i < languages.length && !chinese; i++) if (/^zh\\b/i.test(languages[i])) chinese = languages[i]
  if (root.lang === 'zh-Hans' && /^zh-(tw|hk|mo|hant)\\b/i.test(chinese) && read('${HANT_OFFER_KEY}') !== 'dismissed') classes.add('offer-hant')
  if (/MicroMessenger/i.test(navigator.userAgent)) classes.add('wechat')
  document.addEventListener('DOMContentLoaded', function () { setSize(read('${TEXT_SIZE_KEY}')) })
  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target.closest('[data-text-size], [data-dismiss-hant]') : null
    if (!target) return
    if (target.hasAttribute('data-dismiss-hant')) {
      classes.remove('offer-hant')
      write('${HANT_OFFER_KEY}', 'dismissed')
      return
    }
    var size = target.getAttribute('data-text-size')
    setSize(size)
    write('${TEXT_SIZE_KEY}', size)
  })
})()`

/** The CSP source that allows READING_SCRIPT and nothing else inline. */
export const READING_SCRIPT_HASH = `'sha256-${createHash('sha256').update(READING_SCRIPT).digest('base64')}'`
