// Whether this process's build writes the plans' Word files itself (gongyuIntegration's export worker, content/planFiles.ts):
// then the .docx routes list no paths, and only `astro dev` serves them. A process-wide slot, not `import.meta.env.DEV`,
// which is true in a build run with NODE_ENV=test (the tests' and the benchmarks' builds).
const SLOT = Symbol.for('gongyu.site.planFilesBuiltByWorker')
const slot = globalThis as { [SLOT]?: boolean }

/** Called by the build, before Astro renders: the Word files are written beside the pages. */
export function markPlanFilesBuiltByWorker(): void {
  slot[SLOT] = true
}

/** Whether the .docx routes should leave the Word files to the build's worker. */
export function planFilesBuiltByWorker(): boolean {
  return slot[SLOT] === true
}
