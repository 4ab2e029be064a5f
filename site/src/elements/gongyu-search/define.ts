import { GongyuSearchElement } from './GongyuSearchElement.ts'

// Registering twice (a page that includes the script twice) is harmless.
if (!customElements.get('gongyu-search')) customElements.define('gongyu-search', GongyuSearchElement)
