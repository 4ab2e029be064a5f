import { chromium, type Browser } from 'playwright-core'
import { chromiumExecutable } from '../setup/machineCapabilities.ts'

/** Debian's Chromium, found on PATH (or CHROMIUM_PATH); tests never download a browser. */
export function chromiumPath(): string {
  const found = chromiumExecutable()
  // The Vitest config leaves browser tests out when Chromium is missing; this is for a caller that did not ask it.
  if (!found)
    throw new Error('Chromium not found on PATH (or CHROMIUM_PATH). Install: apt-get install chromium, or as root run node tests/setup/prepareMachine.ts')
  return found
}

/** Launches headless Chromium with the flags this machine's closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}
