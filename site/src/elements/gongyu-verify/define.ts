import { GongyuVerifyElement } from './GongyuVerifyElement.ts'

// Registering twice (a page that includes the script twice) is harmless.
if (!customElements.get('gongyu-verify')) customElements.define('gongyu-verify', GongyuVerifyElement)
