/**
 * What the player downloads once besides the video: the hls.js/light chunk
 * it imports (when the play button comes into view, or on play), as the site build writes it and the site's server
 * sends it (its gzip copy, `<chunk>.js.gz`). Data-cost labels add it, since
 * for a short video it costs more than the sound itself (issue 14: 0.28 MB
 * fetched against a label of 约 0.1 MB). A constant, not a guess:
 * tests/e2e/videoPage.e2e.spec.ts compares it with the built chunk and
 * playerBytes.test.ts with hls.js's own minified build, so an hls.js upgrade
 * cannot leave the labels stale. Safari and iOS play HLS themselves and skip it.
 */
export const PLAYER_SCRIPT_BYTES = 113_886
