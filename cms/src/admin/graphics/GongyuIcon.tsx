import type React from 'react'

/** Gongyu's mark (共育 on the site's green), for the admin's navigation in place of Payload's icon. */
export function GongyuIcon(): React.ReactElement {
  return (
    <svg role="img" aria-label="共育" viewBox="0 0 32 32" width="25" height="25" xmlns="http://www.w3.org/2000/svg">
      <rect width="32" height="32" rx="7" fill="#0b6b50" />
      <text
        x="16"
        y="21"
        textAnchor="middle"
        fontSize="12"
        fontWeight="700"
        fill="#fff"
        fontFamily="'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif"
      >
        共育
      </text>
    </svg>
  )
}
