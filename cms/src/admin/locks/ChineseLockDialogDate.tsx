'use client'

import { type ReactNode, useEffect } from 'react'
import { lockDialogDateInChinese } from './lockDialogDateInChinese'

/**
 * Payload's "文档已锁定" dialog formats its "上次编辑时间" with a fixed
 * `en-US` formatter (3.90.1: `Dec 3, 2026, 6:05 AM`), which neither
 * `admin.dateFormat` nor the language setting reaches. Until Payload takes a
 * locale there, this rewrites that one date in the dialog as it opens.
 */
export function ChineseLockDialogDate({ children }: { children?: ReactNode }) {
  useEffect(() => {
    const rewrite = () => {
      for (const strong of document.querySelectorAll<HTMLElement>('.document-locked__content p strong')) {
        const chinese = lockDialogDateInChinese(strong.textContent ?? '')
        if (chinese && strong.textContent !== chinese) strong.textContent = chinese
      }
    }
    const observer = new MutationObserver(rewrite)
    observer.observe(document.body, { childList: true, subtree: true, characterData: true })
    rewrite()
    return () => observer.disconnect()
  }, [])
  return <>{children}</>
}
