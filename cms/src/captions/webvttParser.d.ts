// webvtt-parser (the W3C validator's parser) ships plain CommonJS without types; this declares the part we use.
declare module 'webvtt-parser' {
  namespace webvtt {
    /** One problem the parser found; `line` counts from 1. */
    interface ParseError {
      message: string
      line: number
      col?: number
    }

    /** A cue as parsed; times are in seconds. */
    interface ParsedCue {
      id: string
      startTime: number
      endTime: number
      text: string
    }

    interface ParseResult {
      cues: ParsedCue[]
      errors: ParseError[]
      styles: string[]
      time: number
    }

    class WebVTTParser {
      constructor(entities?: Record<string, string>)
      /** `metadata` leaves cue text unparsed; `chapters` checks chapter titles. */
      parse(input: string, mode?: 'metadata' | 'chapters'): ParseResult
    }
  }

  const webvtt: { WebVTTParser: typeof webvtt.WebVTTParser }
  export = webvtt
}
