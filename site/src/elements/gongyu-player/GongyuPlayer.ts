import type { ErrorData } from 'hls.js'
import { forwardBufferSeconds, MIN_AHEAD_SECONDS, playedSeconds } from './forwardBuffer.ts'
import { type HlsClass, loadHlsFull, loadHlsLight, needsAlternateAudio, preloadHlsLightWhenVisible } from './loadHls.ts'
import { browserHlsSupport, prefersNativeHls } from './nativeHls.ts'
import { positionMemory, type PositionMemory } from './positionMemory.ts'

type Hls = InstanceType<HlsClass>

/** How often, at most, the playing position is written to storage. */
const SAVE_EVERY_MS = 5000

/** The 清晰度 menu's value that is not a rendition height. */
const AUTO = 'auto'

/** How many recent segment fetches the buffer size looks back on. */
const FETCHES_REMEMBERED = 3

/**
 * `<gongyu-player>`: plays a micro-lesson's HLS video. The page renders its
 * light DOM (poster, 播放视频 and 仅音频（省流量） buttons, 清晰度 menu with
 * data costs, status and error lines, and the no-JavaScript note), so it
 * reads well without script and in Traditional Chinese; the element only
 * wires it up. No media is downloaded until play (or 仅音频) is pressed: then
 * hls.js/light plays it (or Safari's own HLS), starting at the lowest
 * rendition, or with the audio playlist alone. The player's code itself is
 * fetched once the play button comes into view, unless the browser asks to
 * save data, so that pressing play waits for the video alone (issue 18).
 */
export class GongyuPlayer extends HTMLElement {
  static readonly observedAttributes = ['src', 'audio-src', 'captions', 'poster', 'duration'] as const

  /** The HLS master playlist. */
  get src(): string {
    return this.getAttribute('src') ?? ''
  }
  set src(value: string) {
    this.setAttribute('src', value)
  }

  /** The audio-only playlist (仅音频), when the video has sound. */
  get audioSrc(): string | null {
    return this.getAttribute('audio-src')
  }
  set audioSrc(value: string | null) {
    this.#setOptional('audio-src', value)
  }

  /** The WebVTT captions file, when there is one. */
  get captions(): string | null {
    return this.getAttribute('captions')
  }
  set captions(value: string | null) {
    this.#setOptional('captions', value)
  }

  get poster(): string | null {
    return this.getAttribute('poster')
  }
  set poster(value: string | null) {
    this.#setOptional('poster', value)
  }

  /** The video's length in seconds, known before anything loads; 0 when not given. */
  get duration(): number {
    const seconds = Number(this.getAttribute('duration'))
    return Number.isFinite(seconds) && seconds > 0 ? seconds : 0
  }
  set duration(value: number) {
    this.setAttribute('duration', String(value))
  }

  #wired = false
  #native = false
  /** 仅音频 is on: the audio-only playlist is wanted instead of the master. */
  #audioOnly = false
  #video: HTMLVideoElement | null = null
  #hls: Hls | null = null
  /** The playlist URL now loaded into the video. */
  #loaded = ''
  /** Bumped on every load, so a slow import cannot attach to a video that has moved on. */
  #generation = 0
  #recoveredMediaError = false
  /** Set when playback failed; pressing play or choosing a quality then loads again. */
  #failed = false
  #lastSaved = 0
  #memory: PositionMemory | null = null
  #updateQueued = false
  /** Stops waiting for the play button to come into view. */
  #stopPreload: (() => void) | null = null
  /** Seconds the last few media segments took to arrive, for the buffer size. */
  #fetchSeconds: number[] = []

  connectedCallback(): void {
    if (this.#wired) return
    this.#wired = true
    this.#native = prefersNativeHls(browserHlsSupport())
    for (const part of this.querySelectorAll<HTMLElement>('[data-player-js]')) part.hidden = false
    for (const part of this.querySelectorAll<HTMLElement>('[data-player-nojs]')) part.hidden = true
    // The browser's own HLS picks renditions itself: only 自动 (and the 仅音频 button) can be honoured.
    if (this.#native) for (const option of this.#quality?.options ?? []) option.disabled = option.value !== AUTO
    this.#part('[data-player-play]')?.addEventListener('click', this.#playVideo)
    this.#part('[data-player-audio]')?.addEventListener('click', this.#toggleAudio)
    this.#part('[data-player-stage]')?.addEventListener('click', this.#stageClick)
    this.#quality?.addEventListener('change', this.#changeQuality)
    this.addEventListener('keydown', this.#onKey)
    window.addEventListener('pagehide', this.#savePosition)
    // Safari and iOS play HLS themselves; a video already made has its player.
    if (!this.#native && !this.#video) this.#stopPreload = preloadHlsLightWhenVisible(this.#part('[data-player-play]') ?? this)
    // Put back in the page after a teardown: reload where it stopped, without playing.
    if (this.#video && !this.#loaded) this.#load(this.#wantedUrl(), this.#memory?.resumeAt(this.duration) ?? 0, false)
  }

  disconnectedCallback(): void {
    // Moving the element is a disconnect followed at once by a connect: tear down only when it is really gone.
    queueMicrotask(() => {
      if (!this.isConnected) this.#teardown()
    })
  }

  #teardown(): void {
    this.#savePosition()
    this.#stopPreload?.()
    this.#stopPreload = null
    this.#part('[data-player-play]')?.removeEventListener('click', this.#playVideo)
    this.#part('[data-player-audio]')?.removeEventListener('click', this.#toggleAudio)
    this.#part('[data-player-stage]')?.removeEventListener('click', this.#stageClick)
    this.#quality?.removeEventListener('change', this.#changeQuality)
    this.removeEventListener('keydown', this.#onKey)
    window.removeEventListener('pagehide', this.#savePosition)
    this.#generation += 1
    this.#hls?.destroy()
    this.#hls = null
    if (this.#video?.hasAttribute('src')) {
      // Only load() after removing src stops a native HLS download.
      this.#video.removeAttribute('src')
      this.#video.load()
    }
    this.#loaded = ''
    this.#wired = false
  }

  attributeChangedCallback(): void {
    // Several attributes often change together: apply them once, after the last.
    if (!this.#video || this.#updateQueued) return
    this.#updateQueued = true
    queueMicrotask(() => {
      this.#updateQueued = false
      this.#update()
    })
  }

  #setOptional(name: string, value: string | null): void {
    if (value === null) this.removeAttribute(name)
    else this.setAttribute(name, value)
  }

  #part<T extends HTMLElement = HTMLElement>(selector: string): T | null {
    return this.querySelector<T>(selector)
  }

  get #quality(): HTMLSelectElement | null {
    return this.#part<HTMLSelectElement>('select[data-player-quality]')
  }

  /** The playlist wanted now: the audio-only one while 仅音频 is on, else the master. */
  #wantedUrl(): string {
    return this.#audioOnly && this.audioSrc ? this.audioSrc : this.src
  }

  #setAudioOnly(on: boolean): void {
    this.#audioOnly = on && Boolean(this.audioSrc)
    this.#part('[data-player-audio]')?.setAttribute('aria-pressed', String(this.#audioOnly))
  }

  /** 播放视频: plays the picture, leaving 仅音频 if it was on. */
  #playVideo = (): void => {
    if (this.#audioOnly) {
      this.#setAudioOnly(false)
      if (this.#video) {
        this.#switchTo(true)
        return
      }
    }
    this.#start()
  }

  /** 仅音频（省流量）: a toggle; before play it starts the sound alone, during play it switches in place. */
  #toggleAudio = (): void => {
    this.#setAudioOnly(!this.#audioOnly)
    if (this.#video) this.#switchTo(this.#audioOnly)
    // Focus stays on the toggle, so its pressed state is what a screen reader announces next.
    else this.#start(false)
  }

  /** The poster is a big target for a finger; the buttons below it are the keyboard's way in. */
  #stageClick = (): void => {
    if (!this.#video) this.#start()
  }

  /** Loads the wanted playlist where the video is now; plays when asked, when it was playing, or after a failure. */
  #switchTo(play: boolean): void {
    const video = this.#video
    if (!video) return
    const url = this.#wantedUrl()
    if (url !== this.#loaded || this.#failed) this.#load(url, video.currentTime, play || !video.paused || video.readyState === 0 || this.#failed)
    else if (play) void this.#play()
  }

  #start = (focusVideo = true): void => {
    if (this.#video) {
      void this.#play()
      return
    }
    const video = this.#createVideo()
    const stage = this.#part('[data-player-stage]')
    if (stage) stage.replaceChildren(video)
    else this.prepend(video)
    if (focusVideo) video.focus()
    this.#memory = positionMemory(this.src)
    this.#load(this.#wantedUrl(), this.#memory.resumeAt(this.duration), true)
  }

  #createVideo(): HTMLVideoElement {
    const video = document.createElement('video')
    video.className = 'player-video'
    video.controls = true
    video.playsInline = true
    video.preload = 'auto'
    if (this.poster) video.poster = this.poster
    if (this.captions) {
      const track = document.createElement('track')
      track.kind = 'subtitles'
      track.srclang = 'zh'
      track.label = '中文字幕'
      track.src = this.captions
      track.default = true
      video.append(track)
    }
    video.addEventListener('play', () => {
      if (this.#failed) this.#load(this.#wantedUrl(), video.currentTime, true)
    })
    video.addEventListener('waiting', () => this.#status('loading'))
    video.addEventListener('playing', () => this.#status(null))
    video.addEventListener('pause', this.#savePosition)
    video.addEventListener('ended', () => this.#memory?.forget())
    video.addEventListener('timeupdate', () => {
      if (performance.now() - this.#lastSaved > SAVE_EVERY_MS) this.#savePosition()
      if (this.#hls) this.#sizeBuffer(this.#hls)
    })
    video.addEventListener('error', () => this.#fail(`media error ${video.error?.code ?? '?'}: ${video.error?.message ?? ''}`))
    this.#video = video
    return video
  }

  /** Loads `url` into the video, seeks to `at` seconds once it can, and plays when asked. */
  #load(url: string, at: number, play: boolean): void {
    const video = this.#video
    if (!video) return
    const generation = ++this.#generation
    this.#status('loading')
    this.#part('[data-player-error]')?.setAttribute('hidden', '')
    this.#hls?.destroy()
    this.#hls = null
    this.#loaded = url
    this.#recoveredMediaError = false
    this.#failed = false
    if (this.#native) {
      if (at > 0) {
        const resume = () => {
          if (generation === this.#generation) video.currentTime = at
        }
        video.addEventListener('loadedmetadata', resume, { once: true })
      }
      // iOS only lets a video start from within the tap itself, so nothing is awaited before play().
      video.src = url
      if (play) void this.#play()
      return
    }
    this.#attachHls(false, url, at, play, generation)
  }

  /**
   * Plays `url` with hls.js/light, or with the full build when `alternateAudio`. A ladder transcoded before the CMS
   * muxed its sound keeps it in a separate EXT-X-MEDIA group, which
   * hls.js/light would play silently: such a master is loaded again with the full build.
   */
  #attachHls(alternateAudio: boolean, url: string, at: number, play: boolean, generation: number): void {
    const video = this.#video
    if (!video) return
    ;(alternateAudio ? loadHlsFull() : loadHlsLight()).then(
      (Hls) => {
        if (generation !== this.#generation) return
        if (!Hls.isSupported()) {
          this.#fail('this browser has neither MediaSource nor its own HLS')
          return
        }
        // Lowest rung first for a fast start on a weak network; this is video on demand, not a live stream.
        // startPosition resumes without fetching the opening segments first. The forward buffer starts small
        // and follows forwardBuffer.ts; maxMaxBufferLength must follow too, or hls.js buffers 30 s at low bitrates.
        this.#fetchSeconds = []
        const hls = new Hls({
          startLevel: 0,
          lowLatencyMode: false,
          capLevelToPlayerSize: true,
          startPosition: at > 0 ? at : -1,
          maxBufferLength: MIN_AHEAD_SECONDS,
          maxMaxBufferLength: MIN_AHEAD_SECONDS,
        })
        hls.on(Hls.Events.ERROR, (_event, data) => this.#onHlsError(hls, data, data.type === Hls.ErrorTypes.MEDIA_ERROR))
        hls.on(Hls.Events.MANIFEST_PARSED, () => {
          if (!alternateAudio && needsAlternateAudio(hls.levels)) {
            hls.destroy()
            if (this.#hls === hls) this.#hls = null
            this.#attachHls(true, url, at, play, generation)
            return
          }
          const level = this.#levelIndex(hls)
          if (level >= 0) hls.currentLevel = level
          if (play) void this.#play()
        })
        hls.on(Hls.Events.FRAG_LOADED, (_event, { frag }) => {
          if (frag.type !== 'main') return
          const loading = frag.stats.loading
          this.#fetchSeconds = [...this.#fetchSeconds, Math.max(0, loading.end - loading.start) / 1000].slice(-FETCHES_REMEMBERED)
          this.#sizeBuffer(hls)
        })
        hls.loadSource(url)
        hls.attachMedia(video)
        this.#hls = hls
      },
      (error: Error) => this.#fail(`could not load hls.js: ${error.message}`),
    )
  }

  /** Sets hls.js's forward buffer from the recent fetch times and the time watched (forwardBuffer.ts). */
  #sizeBuffer(hls: Hls): void {
    if (this.#hls !== hls || !this.#video) return
    const seconds = forwardBufferSeconds({ segmentFetchSeconds: Math.max(0, ...this.#fetchSeconds), watchedSeconds: playedSeconds(this.#video.played) })
    hls.config.maxBufferLength = seconds
    hls.config.maxMaxBufferLength = seconds
  }

  /** The hls.js level for the menu's rendition height, or -1 for automatic choice. */
  #levelIndex(hls: Hls): number {
    const height = Number(this.#quality?.value)
    return Number.isFinite(height) ? hls.levels.findIndex((level) => level.height === height) : -1
  }

  async #play(): Promise<void> {
    try {
      await this.#video?.play()
    } catch (error) {
      // A newer load interrupting this one (AbortError) is expected; a refused autoplay leaves the native play control to the parent.
      if (error instanceof DOMException && (error.name === 'AbortError' || error.name === 'NotAllowedError')) {
        if (error.name === 'NotAllowedError') this.#status(null)
        return
      }
      this.#fail(`play() failed: ${String(error)}`)
    }
  }

  #changeQuality = (): void => {
    // Choosing a picture quality means watching the picture again.
    this.#setAudioOnly(false)
    const video = this.#video
    if (!video) return
    const url = this.#wantedUrl()
    if (url === this.#loaded && this.#hls) {
      // Same playlist, another rendition: hls.js switches in place (-1 gives the choice back to it).
      this.#hls.currentLevel = this.#levelIndex(this.#hls)
      return
    }
    // After a failure any choice is a retry.
    if (url !== this.#loaded || this.#failed) this.#load(url, video.currentTime, !video.paused || video.readyState === 0 || this.#failed)
  }

  #update(): void {
    const video = this.#video
    if (!video) return
    if (this.poster) video.poster = this.poster
    const url = this.#wantedUrl()
    if (url === this.#loaded) return
    this.#memory = positionMemory(this.src)
    this.#load(url, 0, !video.paused)
  }

  #onHlsError(hls: Hls, data: ErrorData, isMediaError: boolean): void {
    if (!data.fatal) return
    // A decode hiccup is often cured by hls.js's own recovery; try it once before giving up.
    if (isMediaError && !this.#recoveredMediaError) {
      this.#recoveredMediaError = true
      hls.recoverMediaError()
      return
    }
    hls.destroy()
    if (this.#hls === hls) this.#hls = null
    this.#fail(`hls.js ${data.type}: ${data.details}`)
  }

  #onKey = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey || !(event.key === ' ' || event.key.toLowerCase() === 'k')) return
    const target = event.target instanceof Element ? event.target : null
    // The menu, links and a button's own Space keep their usual meaning.
    if (target?.closest('select, a, input, textarea') || (event.key === ' ' && target?.closest('button'))) return
    event.preventDefault()
    const video = this.#video
    if (!video) this.#start()
    else if (video.paused) void this.#play()
    else video.pause()
  }

  #savePosition = (): void => {
    const video = this.#video
    if (!video || !this.#memory || video.readyState === 0) return
    this.#lastSaved = performance.now()
    this.#memory.remember(video.currentTime, this.duration || video.duration || 0)
  }

  /** Shows `loading` in the live status line, or clears it. */
  #status(state: 'loading' | null): void {
    const status = this.#part('[data-player-status]')
    if (status) status.textContent = state === 'loading' ? (status.dataset.loading ?? '') : ''
  }

  #fail(reason: string): void {
    console.warn(`gongyu-player: ${reason}`)
    this.#failed = true
    const status = this.#part('[data-player-status]')
    if (status) status.textContent = status.dataset.failed ?? ''
    this.#part('[data-player-error]')?.removeAttribute('hidden')
  }
}
