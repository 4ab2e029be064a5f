/** One of opencc-js's conversion configs; its typings leave out `normalizationChain`, which the code has. */
export interface ConversionConfig {
  normalizationChain?: readonly (readonly string[])[]
  segmentation?: readonly string[]
  conversionChain: readonly (readonly string[])[]
}

/**
 * The three conversions search uses. Taiwan and Hong Kong forms both map to
 * mainland Simplified; `tw2sp` also maps Taiwan's words (影片 → 视频, 軟體 → 软件),
 * so a Taiwan parent's word finds the mainland one.
 */
export const CONVERSIONS = ['tw2sp', 'tw2s', 'hk2s'] as const
export type ConversionName = (typeof CONVERSIONS)[number]
export type ConversionConfigs = Record<ConversionName, ConversionConfig>
