/**
 * What a lesson or micro-lesson page may download in script for 学完了 and
 * 今天练习了, after gzip: the element itself, fetched with the page, and its
 * store with the format check (zod/mini), fetched when the browser is idle.
 * The lesson page's HTML and CSS keep their own 50 KB budget (docs/bench.md).
 * Checked against the built files by tests/e2e/myLearning.e2e.spec.ts.
 */
export const PROGRESS_SCRIPT_BUDGET_GZIP_BYTES = 12 * 1024

/** Of that, what loads with the page, before the browser is idle. */
export const PROGRESS_EAGER_BUDGET_GZIP_BYTES = 3 * 1024
