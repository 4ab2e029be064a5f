import type React from 'react'

/** Gongyu's logo for the login and create-first-user pages, in place of Payload's. */
export function GongyuLogo(): React.ReactElement {
  return (
    <svg role="img" aria-label="共育课程资源库" viewBox="0 0 240 48" width="240" height="48" xmlns="http://www.w3.org/2000/svg">
      <rect width="48" height="48" rx="10" fill="#0b6b50" />
      <text
        x="24"
        y="31"
        textAnchor="middle"
        fontSize="18"
        fontWeight="700"
        fill="#fff"
        fontFamily="'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif"
      >
        共育
      </text>
      <text x="60" y="32" fontSize="22" fontWeight="600" fill="currentColor" fontFamily="'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif">
        课程资源库
      </text>
    </svg>
  )
}
