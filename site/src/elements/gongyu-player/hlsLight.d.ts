// hls.js 1.7 ships no types for its `./light` export; the light build has the full build's API,
// less alternate audio, subtitles, DRM and CMCD, which the player does not use.
declare module 'hls.js/light' {
  export * from 'hls.js'
  export { default } from 'hls.js'
}
