/**
 * A source video that cannot be transcoded, for a reason an editor can act
 * on. `reason` is the Simplified-Chinese text stored as `transcodeError`.
 */
export class VideoInputError extends Error {
  readonly reason: string

  constructor(reason: string, detail?: string) {
    super(detail ? `${reason} (${detail})` : reason)
    this.name = 'VideoInputError'
    this.reason = reason
  }
}
