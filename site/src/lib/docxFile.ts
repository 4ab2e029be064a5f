import type { PublicRecord } from '@gongyu/contract'

/** The media type of a Word (.docx) file. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

// Characters that Windows refuses in file names become a space; the browser cleans the rest.
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are among those refused
const REFUSED_IN_FILE_NAMES = /[\\/:*?"<>|\u0000-\u001f]+/g

/** The Word downloads of a lesson plan: where each is and the file name it saves under. */
export function planDownloads(record: Pick<PublicRecord, 'url' | 'title'>, hasHandout: boolean): { href: string; filename: string; text: string }[] {
  const name = record.title.replace(REFUSED_IN_FILE_NAMES, ' ').trim().slice(0, 60)
  return [
    { href: `${record.url}plan.docx`, filename: `教案-${name}.docx`, text: '下载 Word 版教案' },
    ...(hasHandout ? [{ href: `${record.url}handout.docx`, filename: `家长学习单-${name}.docx`, text: '下载 Word 版家长学习单' }] : []),
  ]
}
