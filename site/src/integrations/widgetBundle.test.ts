import { describe, expect, it } from 'vitest'
import { assertWithinBudget, budgetedBytes, bundleWidgets, WIDGET_BUDGET_GZIP_BYTES } from './widgetBundle.ts'

describe('the widgets script', () => {
  it('stays within its 12 KB gzip budget (script and fallback stylesheet together)', async () => {
    const bundle = await bundleWidgets()
    console.log(`widgets: ${bundle.widgets.gzipBytes} B + css ${bundle.widgetsCss.gzipBytes} B gzip (budget ${WIDGET_BUDGET_GZIP_BYTES} B)`)
    expect(budgetedBytes(bundle)).toBeLessThanOrEqual(WIDGET_BUDGET_GZIP_BYTES)
    expect(() => assertWithinBudget(bundle)).not.toThrow()
    expect(() => assertWithinBudget({ ...bundle, widgets: { ...bundle.widgets, gzipBytes: WIDGET_BUDGET_GZIP_BYTES } })).toThrow(/超过 12288 字节/)
  })

  it('has no eval, HTML parsing from strings, cookies or storage, and is ASCII', async () => {
    const bundle = await bundleWidgets()
    for (const name of ['widgets', 'frame', 'builder'] as const) {
      const source = new TextDecoder().decode(bundle[name].contents)
      for (const forbidden of [
        'innerHTML',
        'outerHTML',
        'insertAdjacentHTML',
        'document.write',
        'eval(',
        'Function(',
        'document.cookie',
        'localStorage',
        'sessionStorage',
        'sendBeacon',
      ]) {
        expect(source.includes(forbidden), `${name} uses ${forbidden}`).toBe(false)
      }
      expect(/[\u0080-\uffff]/.test(source), `${name} is ASCII`).toBe(false)
    }
  })

  it('names files by content hash and gives each an SRI sha384', async () => {
    const [first, second] = await Promise.all([bundleWidgets(), bundleWidgets()])
    expect(first.widgets.path).toMatch(/^\/widgets\/v1\/gongyu-widgets\.[0-9a-f]{10}\.js$/)
    expect(first.widgetsCss.path).toBe(first.widgets.path.replace(/\.js$/, '.css'))
    expect(first.widgets.integrity).toMatch(/^sha384-[A-Za-z0-9+/]{64}$/)
    expect(second.widgets.path).toBe(first.widgets.path)
  })
})
