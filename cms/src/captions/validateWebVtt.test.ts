import { describe, expect, it } from 'vitest'
import { validateWebVtt } from './validateWebVtt'

const valid = 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\n家长先听孩子说完。\n\n00:04.500 --> 00:07.000 align:start\n再给出建议。\n'

describe('validateWebVtt', () => {
  it('accepts a well-formed file, with a BOM, CRLF line ends, short timestamps and cue settings', () => {
    expect(validateWebVtt(valid)).toBeNull()
    expect(validateWebVtt(`\uFEFF${valid.replaceAll('\n', '\r\n')}`)).toBeNull()
    expect(validateWebVtt('WEBVTT - 第一课\n\n01:00:00.000 --> 01:00:02.500\n你好\n')).toBeNull()
  })

  it('accepts what browsers play without losing a cue: header lines after WEBVTT, notes, unknown settings, markup', () => {
    expect(validateWebVtt('WEBVTT\nKind: captions\nLanguage: zh\n\n00:00:01.000 --> 00:00:04.000\n你好\n')).toBeNull()
    expect(validateWebVtt('WEBVTT\n\nNOTE 第一段\n\n00:00:01.000 --> 00:00:04.000 size:80% foo\n<v 讲师>你好</v> &amp; 再见\n')).toBeNull()
  })

  it('requires the WEBVTT header, and says so in Chinese (SRT is the usual mistake)', () => {
    expect(validateWebVtt('1\n00:00:01,000 --> 00:00:04,000\n你好\n')).toContain('必须以 “WEBVTT” 开头')
    expect(validateWebVtt('WEBVTTX\n\n00:00:01.000 --> 00:00:04.000\n你好\n')).toContain('WEBVTT')
    expect(validateWebVtt('')).toContain('WEBVTT')
  })

  it('requires at least one cue', () => {
    expect(validateWebVtt('WEBVTT\n\nNOTE 还没有字幕\n')).toContain('没有字幕条目')
  })

  it('names the line of a malformed or backwards timing', () => {
    expect(validateWebVtt('WEBVTT\n\n00:00:01,000 --> 00:00:04,000\n你好\n')).toContain('第 3 行的时间轴格式不对')
    expect(validateWebVtt('WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n好\n\n00:00:61.000 --> 00:01:04.000\n好\n')).toContain('第 6 行')
    expect(validateWebVtt('WEBVTT\n\n00:00:05.000 --> 00:00:04.000\n你好\n')).toContain('结束时间不晚于开始时间')
    expect(validateWebVtt('WEBVTT\n\n00:00:04.000 --> 00:00:04.000\n你好\n')).toContain('第 3 行的结束时间不晚于开始时间')
    expect(validateWebVtt('WEBVTT\n\n00:00:01.000-->00:00:04.000\n你好\n')).toContain('第 3 行的时间轴格式不对')
    expect(validateWebVtt('WEBVTT\n\nNOTE 00:00:01.000 --> 00:00:04.000\n')).toContain('第 3 行的时间轴格式不对')
  })

  it('refuses a block whose timing line is missing, so no cue is silently dropped', () => {
    const lostTiming = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n你好\n\n2\n00:00:03.000 - 00:00:04.000\n再见\n'
    expect(validateWebVtt(lostTiming)).toContain('第 7 行应为时间轴')
    expect(validateWebVtt('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n你好\n\n只有一行字\n\n')).toContain('第 6 行是一段没有时间轴的文字')
  })

  it('refuses binary content', () => {
    expect(validateWebVtt('WEBVTT\n\u0000\u0001')).toContain('不是文本文件')
  })
})
