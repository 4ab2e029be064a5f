import { GongyuPlayer } from './GongyuPlayer.ts'

/** The element's tag name. */
export const GONGYU_PLAYER_TAG = 'gongyu-player'

/** Registers `<gongyu-player>`; a second call (or a second copy of this script) changes nothing. */
export function defineGongyuPlayer(registry: CustomElementRegistry = customElements): void {
  if (!registry.get(GONGYU_PLAYER_TAG)) registry.define(GONGYU_PLAYER_TAG, GongyuPlayer)
}

declare global {
  interface HTMLElementTagNameMap {
    'gongyu-player': GongyuPlayer
  }
}

defineGongyuPlayer()
