// The reference brings the parser's declarations along when another workspace (tests/) compiles this file.
/// <reference path="./webvttParser.d.ts" />
import webvtt from 'webvtt-parser'

/** Captions larger than this are not subtitles for a micro-lesson (30 minutes of dense cues is about 100 KB). */
export const MAX_CAPTION_BYTES = 1024 * 1024

const TIMING_EXAMPLE = '“00:00:01.000 --> 00:00:04.000”'

// The parser's messages for a timing line it cannot read. A browser silently drops such a cue, so the upload is refused.
const MALFORMED_TIMING = new Set([
  'No timestamp found.',
  'Timestamp must start with a character in the range 0-9.',
  'No time unit separator found.',
  'Must be exactly two digits.',
  'No seconds found or minutes is greater than 59.',
  'No decimal separator (".") found.',
  'Milliseconds must be given in three digits.',
  'You cannot have more than 59 minutes.',
  'You cannot have more than 59 seconds.',
  "Timestamp not separated from '-->' by whitespace.",
  'No valid timestamp separator found.',
  "'-->' not separated from timestamp by whitespace.",
  'Timestamp must not have trailing characters.',
  'Cannot have timestamp in a comment.',
  'Cannot have timestamp in a style block.',
])

/**
 * The parser's remaining messages (header lines after WEBVTT, a missing blank
 * line between cues, unknown cue settings, cue markup, cues out of order) are
 * tolerated: browsers recover from them without losing a cue, and common
 * exports (YouTube's `Kind:`/`Language:` header lines) contain them.
 */
function reasonFor(error: webvtt.ParseError): string | null {
  if (error.message.startsWith('No valid signature')) {
    return '字幕文件必须以 “WEBVTT” 开头（WebVTT 格式）。SRT 等其他格式请先转换为 WebVTT。'
  }
  if (MALFORMED_TIMING.has(error.message)) return `第 ${error.line} 行的时间轴格式不对，应为 ${TIMING_EXAMPLE}。`
  if (error.message === 'End timestamp is not greater than start timestamp.') return `第 ${error.line} 行的结束时间不晚于开始时间。`
  if (error.message === 'Cue identifier needs to be followed by timestamp.') {
    return `第 ${error.line} 行应为时间轴，例如 ${TIMING_EXAMPLE}：字幕条目的编号或文字后面缺少时间轴。`
  }
  if (error.message === 'Cue identifier cannot be standalone.') {
    return `第 ${error.line - 1} 行是一段没有时间轴的文字。每条字幕需要一行时间轴，例如 ${TIMING_EXAMPLE}。`
  }
  return null
}

/**
 * Checks a WebVTT caption file with the W3C's WebVTT parser: the `WEBVTT`
 * header, at least one cue, and every cue timing well formed with its end
 * after its start. Returns a Chinese reason for the first problem, or null
 * when the file is valid.
 */
export function validateWebVtt(text: string): string | null {
  // The parser would turn NUL into U+FFFD and read on; a NUL means the upload is not a text file at all.
  if (text.includes('\u0000')) return '字幕文件不是文本文件。请上传 WebVTT（.vtt）字幕。'
  const { cues, errors } = new webvtt.WebVTTParser().parse(text, 'metadata')
  for (const error of errors) {
    const reason = reasonFor(error)
    if (reason) return reason
  }
  if (cues.length === 0) return `字幕文件里没有字幕条目：至少需要一行时间轴，例如 ${TIMING_EXAMPLE}。`
  return null
}
