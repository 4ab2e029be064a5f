import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, transform } from 'esbuild'

const widgetsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'widgets')

/** Where the versioned files are served: /widgets/v1/<name>.<hash>.js. A breaking change to attributes or feeds means v2. */
export const WIDGETS_URL_FOLDER = '/widgets/v1/'

/** The widgets script and its stylesheet fallback together may not pass this many bytes after gzip. */
export const WIDGET_BUDGET_GZIP_BYTES = 12 * 1024

// ES2020 (Chrome 80, Safari 14, Firefox 74): custom elements, shadow DOM and `?.`; older browsers keep the light-DOM link.
const TARGET = ['es2020']

/** One versioned file: its URL path, Subresource Integrity hash and size. */
export interface WidgetAssetInfo {
  path: string
  integrity: string
  bytes: number
  gzipBytes: number
}

export interface WidgetAsset extends WidgetAssetInfo {
  contents: Uint8Array
}

/** What pages need to know about the built files (the `virtual:gongyu-widgets` module). */
export type WidgetManifest = Record<WidgetAssetName, WidgetAssetInfo>

export type WidgetAssetName = 'widgets' | 'widgetsCss' | 'frame' | 'frameCss' | 'builder'

export type WidgetBundle = Record<WidgetAssetName, WidgetAsset>

function asset(name: string, extension: 'js' | 'css', contents: Uint8Array, hash?: string): WidgetAsset {
  const digest = hash ?? createHash('sha256').update(contents).digest('hex').slice(0, 10)
  return {
    path: `${WIDGETS_URL_FOLDER}${name}.${digest}.${extension}`,
    integrity: `sha384-${createHash('sha384').update(contents).digest('base64')}`,
    bytes: contents.byteLength,
    gzipBytes: gzipSync(contents, { level: 9 }).byteLength,
    contents,
  }
}

async function script(entry: string, css: string): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [path.join(widgetsDir, entry)],
    bundle: true,
    minify: true,
    format: 'iife',
    target: TARGET,
    write: false,
    legalComments: 'none',
    // ASCII output (Chinese as \u escapes): a school page in GBK decodes the script correctly even when a host serves it without a charset.
    charset: 'ascii',
    define: { __GONGYU_WIDGET_CSS__: JSON.stringify(css) },
  })
  const [output] = result.outputFiles
  if (!output) throw new Error(`esbuild wrote nothing for ${entry}`)
  return output.contents
}

async function minifiedCss(...files: string[]): Promise<string> {
  const source = files.map((file) => readFileSync(path.join(widgetsDir, file), 'utf8')).join('\n')
  return (await transform(source, { loader: 'css', minify: true, target: TARGET, charset: 'ascii' })).code.trim()
}

/**
 * Bundles the widgets script, the embed pages' script and the builder's
 * script with esbuild. Names carry a content hash, so a rebuild with the
 * same widget code (new course lists, say) keeps the same URL and SRI hash.
 */
export async function bundleWidgets(): Promise<WidgetBundle> {
  const css = await minifiedCss('shared/widget.css')
  const frameCss = await minifiedCss('shared/widget.css', 'frames/frame.css')
  const widgets = asset('gongyu-widgets', 'js', await script('index.ts', css))
  const hash = widgets.path.split('.').at(-2)
  return {
    widgets,
    // The fallback stylesheet shares the script's hash: the script finds it by swapping .js for .css.
    widgetsCss: asset('gongyu-widgets', 'css', new TextEncoder().encode(css), hash),
    frame: asset('gongyu-embed-frame', 'js', await script('frames/postFrameHeight.ts', css)),
    frameCss: asset('gongyu-embed-frame', 'css', new TextEncoder().encode(frameCss)),
    builder: asset('gongyu-embed-builder', 'js', await script('gongyu-embed-builder/index.ts', css)),
  }
}

/** Gzip bytes that count against the budget: the script, plus the stylesheet older browsers load beside it. */
export function budgetedBytes(bundle: WidgetBundle): number {
  return bundle.widgets.gzipBytes + bundle.widgetsCss.gzipBytes
}

/** Stops the build when the widgets grow past their budget. */
export function assertWithinBudget(bundle: WidgetBundle): void {
  const bytes = budgetedBytes(bundle)
  if (bytes > WIDGET_BUDGET_GZIP_BYTES) {
    throw new Error(`挂件脚本和样式 gzip 后共 ${bytes} 字节，超过 ${WIDGET_BUDGET_GZIP_BYTES} 字节（12 KB）的预算。请先减小 site/src/widgets/ 的代码，再构建。`)
  }
}

/** The manifest pages import: paths, hashes and sizes, without the file contents. */
export function manifestOf(bundle: WidgetBundle): WidgetManifest {
  return Object.fromEntries(Object.entries(bundle).map(([name, { contents: _contents, ...info }]) => [name, info])) as WidgetManifest
}

/** Writes the versioned files into the built site; returns their URL paths. */
export function writeWidgetAssets(outDir: string, bundle: WidgetBundle): string[] {
  const written: string[] = []
  for (const file of Object.values(bundle)) {
    const target = path.join(outDir, file.path)
    mkdirSync(path.dirname(target), { recursive: true })
    writeFileSync(target, file.contents)
    written.push(file.path)
  }
  return written
}
