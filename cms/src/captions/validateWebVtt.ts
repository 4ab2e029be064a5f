/** Captions larger than this are not subtitles for a micro-lesson (30 minutes of dense cues is about 100 KB). */
export const MAX_CAPTION_BYTES = 1024 * 1024

// hh:mm:ss.ttt or mm:ss.ttt, as the WebVTT spec writes cue timestamps.
const TIMESTAMP = String.raw`(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})`
const CUE_TIMING = new RegExp(String.raw`^${TIMESTAMP}[ \t]+-->[ \t]+${TIMESTAMP}(?:[ \t].*)?$`)

function seconds(hours: string | undefined, minutes: string, secs: string, millis: string): number {
  return Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(secs) + Number(millis) / 1000
}

/**
 * Checks a WebVTT caption file: the `WEBVTT` header, at least one cue, and
 * every line with `-->` a well-formed timing whose end follows its start.
 * Returns a Chinese reason for the first problem, or null when the file is valid.
 */
export function validateWebVtt(text: string): string | null {
  if (text.includes('\u0000')) return '字幕文件不是文本文件。请上传 WebVTT（.vtt）字幕。'
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  const header = lines[0] ?? ''
  if (!/^WEBVTT(?:[ \t].*)?$/.test(header)) {
    return '字幕文件必须以 “WEBVTT” 开头（WebVTT 格式）。SRT 等其他格式请先转换为 WebVTT。'
  }
  let cues = 0
  for (const [index, line] of lines.entries()) {
    if (!line.includes('-->')) continue
    const match = CUE_TIMING.exec(line.trim())
    if (!match) return `第 ${index + 1} 行的时间轴格式不对，应为 “00:00:01.000 --> 00:00:04.000”。`
    const start = seconds(match[1], match[2] as string, match[3] as string, match[4] as string)
    const end = seconds(match[5], match[6] as string, match[7] as string, match[8] as string)
    if (end <= start) return `第 ${index + 1} 行的结束时间不晚于开始时间。`
    cues += 1
  }
  if (cues === 0) return '字幕文件里没有字幕条目：至少需要一行时间轴，例如 “00:00:01.000 --> 00:00:04.000”。'
  return null
}
