import { GongyuEmbedBuilder } from './GongyuEmbedBuilder.ts'

export const EMBED_BUILDER_TAG = 'gongyu-embed-builder'

/** Registers `<gongyu-embed-builder>`; a second call does nothing. */
export function defineEmbedBuilder(registry: CustomElementRegistry = customElements): void {
  if (!registry.get(EMBED_BUILDER_TAG)) registry.define(EMBED_BUILDER_TAG, GongyuEmbedBuilder)
}
