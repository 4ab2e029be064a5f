import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** One axe-core finding, trimmed to what a failure message needs. */
export interface AxeFinding {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

/**
 * Runs axe-core (evaluated as source: nothing is fetched) on the page as it
 * is, and returns the serious and critical violations.
 */
export async function seriousAccessibilityProblems(page: Page): Promise<AxeFinding[]> {
  // Evaluated through the DevTools protocol, not as an inline <script>: the site's CSP (script-src 'self') refuses those.
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }>
        }
      }
    ).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
    }))
  })
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
}
