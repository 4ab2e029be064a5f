import path from 'node:path'

/**
 * Rewrites a page's root-absolute links (`/lessons/x/`) into relative ones
 * that name the file (`../x/index.html`), so an offline pack works from any
 * folder of any web server and from a disk opened with file://, where
 * neither `/` nor a folder's index.html resolve. Protocol-relative and
 * absolute URLs are left alone.
 */
export function relativizeLinks(html: string, pageRoute: string): string {
  const fromDirectory = pageRoute.endsWith('/') ? pageRoute : path.posix.dirname(pageRoute)
  return html.replace(/(\s(?:href|src|action)=")(\/(?!\/)[^"]*)"/g, (_match, start: string, url: string) => {
    const [, target = '/', suffix = ''] = /^([^?#]*)(.*)$/.exec(url) ?? []
    const file = target.endsWith('/') ? `${target}index.html` : target
    const relative = path.posix.relative(fromDirectory, file)
    return `${start}${relative || 'index.html'}${suffix}"`
  })
}
