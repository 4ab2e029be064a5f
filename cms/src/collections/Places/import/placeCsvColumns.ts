/**
 * How much one import may bring in: a county's directory fits several times over. The saves share one
 * write transaction (about 50 ms a row on a busy 2-core machine, docs/places.md), so the row cap bounds how
 * long one import holds other editors' saves.
 */
export const PLACE_IMPORT_LIMITS = { maxBytes: 1024 * 1024, maxRows: 500 } as const

/** A place's fields as a CSV row gives them, before they are checked. */
export type PlaceColumn =
  | 'name'
  | 'kind'
  | 'county'
  | 'township'
  | 'address'
  | 'openingHours'
  | 'services'
  | 'phone'
  | 'latitude'
  | 'longitude'
  | 'datum'
  | 'lastCheckedOn'

/** The CSV columns in template order, with the Chinese header the template uses and whether a row must fill them. */
export const placeCsvColumns: readonly { column: PlaceColumn; header: string; required: boolean }[] = [
  { column: 'name', header: '名称', required: true },
  { column: 'kind', header: '类型', required: true },
  { column: 'county', header: '县区', required: true },
  { column: 'township', header: '乡镇街道', required: false },
  { column: 'address', header: '地址', required: false },
  { column: 'openingHours', header: '开放时间', required: false },
  { column: 'services', header: '服务内容', required: false },
  { column: 'phone', header: '电话', required: false },
  { column: 'latitude', header: '纬度', required: true },
  { column: 'longitude', header: '经度', required: true },
  { column: 'datum', header: '坐标系', required: false },
  { column: 'lastCheckedOn', header: '核实日期', required: true },
]

// Other headers people write for the same column; compared after normalizeHeader.
const ALIASES: Record<string, PlaceColumn> = {
  机构名称: 'name',
  地点名称: 'name',
  县: 'county',
  区县: 'county',
  县市区: 'county',
  所在县区: 'county',
  乡镇: 'township',
  街道: 'township',
  详细地址: 'address',
  服务时间: 'openingHours',
  服务项目: 'services',
  联系电话: 'phone',
  公开电话: 'phone',
  最后核实日期: 'lastCheckedOn',
  核实时间: 'lastCheckedOn',
}

/** A header without spaces, brackets or the width differences of full-width forms: 「县（区）」 and 「县区」 are one column. */
export function normalizeHeader(header: string): string {
  return header.normalize('NFKC').replace(/[\s()（）【】[\]*＊]/g, '')
}

/** The column a header names, or undefined for a header the import does not know. */
export function columnOfHeader(header: string): PlaceColumn | undefined {
  const normalized = normalizeHeader(header)
  const byTemplate = placeCsvColumns.find((entry) => normalizeHeader(entry.header) === normalized || entry.column.toLowerCase() === normalized.toLowerCase())
  return byTemplate?.column ?? ALIASES[normalized]
}

/** The template's header line, and one example row, as a spreadsheet opens them. */
export function placeCsvTemplate(): string {
  const example = [
    '城关镇家庭教育指导中心',
    '家庭教育指导中心',
    '某某县',
    '城关镇',
    '城关镇人民路 12 号',
    '周一至周五 8:30-17:30',
    '家长咨询、亲子活动',
    '0838-2212345',
    '31.1268',
    '104.3981',
    'GCJ-02',
    '2026-11-20',
  ]
  return `${placeCsvColumns.map((entry) => entry.header).join(',')}\r\n${example.join(',')}\r\n`
}
