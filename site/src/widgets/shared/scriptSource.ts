import { httpBase } from './siteUrls.ts'

function currentScriptSrc(): string {
  const current = document.currentScript
  if (current instanceof HTMLScriptElement && current.src) return current.src
  // Loaded as a module or injected late: document.currentScript is null then, so look for the tag.
  return document.querySelector<HTMLScriptElement>('script[src*="/gongyu-widgets."]')?.src ?? ''
}

/** The URL this script was loaded from, read while it first runs (document.currentScript is gone afterwards). */
export const scriptSrc = currentScriptSrc()

/** The Gongyu site root: the script lives at <root>/widgets/v1/, so feeds and pages are found from where the script came from. */
export const scriptBase = scriptSrc ? httpBase('../../', scriptSrc) : null

/**
 * The stylesheet beside the script (same name, .css), for browsers without
 * constructable stylesheets (Safari before 16.4); null when the script is
 * not one of ours.
 */
export const stylesheetHref = /\/gongyu-widgets\.[0-9a-f]+\.js$/.test(scriptSrc) ? scriptSrc.replace(/\.js$/, '.css') : null
