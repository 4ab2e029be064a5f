import QRCode from 'qrcode'
import { certificateVerifyUrl, chineseDay, escapeHtml, type CertificateContent } from '@gongyu/contract'

export interface CertificatePageInput {
  content: CertificateContent
  signedText: string
  organizationName: string
  siteUrl: string
  revoked: boolean
}

// A4 portrait, printed without the browser's headers; the QR code keeps a quiet zone and medium error correction for photocopies.
const STYLE = `
@page{size:A4;margin:18mm}
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Serif CJK SC","Source Han Serif SC","Songti SC",serif;color:#222;background:#fff}
.sheet{border:3px double #8a5a00;padding:16mm 14mm;min-height:255mm;display:flex;flex-direction:column}
h1{margin:0 0 12mm;text-align:center;font-size:30pt;letter-spacing:.5em;color:#8a5a00}
.body{font-size:15pt;line-height:2.1;text-indent:2em;margin:0}
.name{font-size:19pt;font-weight:700;border-bottom:1px solid #222;padding:0 .3em}
dl{display:grid;grid-template-columns:auto 1fr;gap:2mm 4mm;margin:12mm 0 0;font-size:12.5pt}
dt{color:#555}dd{margin:0}
.foot{margin-top:auto;display:flex;align-items:flex-end;justify-content:space-between;gap:8mm}
.qr{width:42mm;text-align:center;font-size:9.5pt;color:#444}
.qr svg{width:42mm;height:42mm;display:block}
.issuer{text-align:right;font-size:14pt;line-height:1.8}
.revoked{border:3px solid #b00020;color:#b00020;font-size:20pt;font-weight:700;text-align:center;padding:3mm;margin:0 0 8mm}
.no-print{font:14px/1.5 sans-serif;margin:0 0 4mm;color:#555}
@media print{.no-print{display:none}}
`

function hours(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1)
}

/** The certificate as an A4 page in Chinese, built from the signed content, so what is printed is exactly what the QR code proves. */
export async function certificatePage(input: CertificatePageInput): Promise<string> {
  const { content } = input
  const verifyUrl = certificateVerifyUrl(input.siteUrl, input.signedText)
  const qr = await QRCode.toString(verifyUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 })
  const text = escapeHtml
  return `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>结业证书 · ${text(content.name)}</title><style>${STYLE}</style></head>
<body><main class="sheet">
<p class="no-print">用浏览器的「打印」打印在 A4 纸上。二维码里是签过名的证书内容，任何人扫码都能验证真伪。${input.revoked ? '' : '也可以<a href="open-badge" download>下载 Open Badges 3.0 文件</a>，交给持证人存入数字证书钱包。'}</p>
${input.revoked ? '<p class="revoked" role="alert">此证书已撤销</p>' : ''}
<h1>结业证书</h1>
<p class="body"><span class="name">${text(content.name)}</span>于 ${chineseDay(content.periodStart)} 至 ${chineseDay(content.periodEnd)} 参加「${text(content.programme)}」学习，完成 ${hours(content.hours)} 学时，准予结业。特发此证。</p>
<dl>
<dt>证书编号</dt><dd data-field="certificate-id">${text(content.id)}</dd>
<dt>签发机构</dt><dd>${text(input.organizationName)}</dd>
<dt>签发日期</dt><dd>${chineseDay(content.issuedOn)}</dd>
</dl>
<div class="foot">
<figure class="qr" aria-label="验证二维码">${qr}<figcaption>扫码验证证书真伪<br>（无需登录，离线也能核验）</figcaption></figure>
<p class="issuer">${text(input.organizationName)}<br>${chineseDay(content.issuedOn)}</p>
</div>
</main></body></html>`
}
