import { GongyuCheckInElement } from './GongyuCheckInElement.ts'

// Registering twice (a page that includes the script twice) is harmless.
if (!customElements.get('gongyu-check-in')) customElements.define('gongyu-check-in', GongyuCheckInElement)
