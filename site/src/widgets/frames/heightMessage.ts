/** The message an embed page sends its parent: `{ type: HEIGHT_MESSAGE, height }`, in CSS pixels. */
export const HEIGHT_MESSAGE = 'gongyu:embed-height'

/** Heights outside this range are clamped, so a bad message cannot make a frame vanish or run away. */
export const FRAME_HEIGHT_RANGE = { min: 60, max: 20000 } as const
