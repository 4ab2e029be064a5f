import QRCode from 'qrcode'
import { chineseDay, escapeHtml } from '@gongyu/contract'

export interface SessionSheetInput {
  courseListTitle: string
  itemTitle: string
  organizationName: string
  /** The session's start, already written in Beijing time (2026年3月7日 09:30). */
  startsAt: string
  place: string
  runBy: string
  hours: number
  validUntil: string
  checkInUrl: string
}

const STYLE = `
@page{size:A4;margin:18mm}
body{margin:0;font-family:"Noto Sans CJK SC","Source Han Sans SC",sans-serif;color:#222;background:#fff}
.sheet{text-align:center}
h1{margin:0 0 4mm;font-size:26pt}
.list{margin:0 0 8mm;font-size:14pt;color:#444}
dl{display:grid;grid-template-columns:auto 1fr;gap:2mm 4mm;margin:0 auto 8mm;max-width:150mm;text-align:left;font-size:13pt}
dt{color:#555}dd{margin:0}
.qr svg{width:90mm;height:90mm}
.how{font-size:14pt;line-height:1.8;margin:4mm 0 0}
.privacy{font-size:11pt;color:#555;margin-top:6mm}
.no-print{font:14px/1.5 sans-serif;color:#555}
@media print{.no-print{display:none}}
`

/** A session's check-in sheet as an A4 page: what, when, where, and a big QR code of the signed session. */
export async function sessionSheetPage(input: SessionSheetInput): Promise<string> {
  const text = escapeHtml
  const qr = await QRCode.toString(input.checkInUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 })
  return `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>签到表 · ${text(input.itemTitle)}</title><style>${STYLE}</style></head>
<body><main class="sheet">
<p class="no-print">用浏览器的「打印」打印在 A4 纸上，贴在活动现场。</p>
<h1>家长学校签到</h1>
<p class="list">${text(input.courseListTitle)}</p>
<dl>
<dt>课程</dt><dd>${text(input.itemTitle)}</dd>
<dt>时间</dt><dd>${text(input.startsAt)}</dd>
${input.place ? `<dt>地点</dt><dd>${text(input.place)}</dd>` : ''}
${input.runBy ? `<dt>主讲</dt><dd>${text(input.runBy)}</dd>` : ''}
<dt>学时</dt><dd>${input.hours} 学时</dd>
<dt>主办</dt><dd>${text(input.organizationName)}</dd>
</dl>
<figure class="qr" aria-label="签到二维码">${qr}</figure>
<p class="how">请家长用手机相机扫码签到（打卡），学时记在您手机的「我的学习」里。<br>本二维码到 ${chineseDay(input.validUntil)} 有效。</p>
<p class="privacy">签到不需要登录，不填姓名和电话，也不会把您的学习记录发给任何人。</p>
</main></body></html>`
}
