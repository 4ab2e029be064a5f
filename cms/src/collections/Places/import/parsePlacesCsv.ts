import { coordinateProblem, PLACE_DATUM, type PlaceKindCode, parsePublicPhone, placeKinds, placeLimits } from '@gongyu/contract'
import { CsvError, parse } from 'csv-parse/sync'
import { describeFindings, findPersonalInformation } from '../../../privacy/findPersonalInformation'
import { decodeCsvBytes } from './decodeCsvBytes'
import { columnOfHeader, PLACE_IMPORT_LIMITS, type PlaceColumn, placeCsvColumns } from './placeCsvColumns'

/** A reason the file or one of its rows cannot be imported; line 0 is the file as a whole, line 1 its header. */
export interface PlaceImportProblem {
  line: number
  message: string
}

/** A place as a checked CSV row gives it, ready to save as a draft. */
export interface PlaceImportData {
  name: string
  kind: PlaceKindCode
  county: string
  township: string
  address: string
  openingHours: string
  services: { text: string }[]
  phone: string | null
  location: { latitude: number; longitude: number; datum: typeof PLACE_DATUM }
  /** Noon in Asia/Shanghai of the day checked, so every time zone shows the same day. */
  lastCheckedOn: string
}

export type PlacesCsvResult = { rows: { line: number; data: PlaceImportData }[]; encoding: string } | { problems: PlaceImportProblem[] }

const HEADER = Object.fromEntries(placeCsvColumns.map((entry) => [entry.column, entry.header])) as Record<PlaceColumn, string>
const KIND_ALIASES: Record<string, PlaceKindCode> = { 指导中心: 'guidance-centre', 家庭教育指导服务中心: 'guidance-centre', 家长服务站: 'service-station' }
const SERVICE_SEPARATORS = /[、，,；;/|\n]+/
const WGS84 = /^(?:wgs-?84|gps|地球坐标)$/i
const BD09 = /^(?:bd-?09(?:ll)?|百度坐标?)$/i
const GCJ02 = /^(?:gcj-?02|火星坐标|国测局坐标)$/i
const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/

function kindOf(value: string): PlaceKindCode | undefined {
  const found = placeKinds.find((kind) => kind.code === value || kind.label === value)
  return found?.code ?? KIND_ALIASES[value]
}

function todayInShanghai(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
}

function checkedOnOf(value: string): { iso: string } | { problem: string } {
  const match = DATE.exec(value)
  if (!match) return { problem: `${HEADER.lastCheckedOn}「${value}」不是日期，请写成 2026-11-20 这样的格式。` }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { problem: `${HEADER.lastCheckedOn}「${value}」不是真实的日期。` }
  }
  const day10 = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  if (day10 > todayInShanghai()) return { problem: `${HEADER.lastCheckedOn}「${value}」还没到：请写实际核实的日期。` }
  if (year < 2000) return { problem: `${HEADER.lastCheckedOn}「${value}」太早了，请重新核实后再导入。` }
  return { iso: `${day10}T04:00:00.000Z` }
}

function numberOf(value: string): number {
  // A blank or a word is not 0: Number('') would be.
  return /^[-+]?\d+(?:\.\d+)?$/.test(value) ? Number(value) : Number.NaN
}

// Counted as Payload counts maxLength (UTF-16 units), so a row that passes here passes the field's own check.
function lengthProblem(column: PlaceColumn, value: string, maxLength: number): string | undefined {
  return value.length > maxLength ? `${HEADER[column]}太长（${value.length} 字），最多 ${maxLength} 字。` : undefined
}

/** Checks one row; returns the place, or every problem of the row. */
function checkRow(cells: Partial<Record<PlaceColumn, string>>): { data: PlaceImportData } | { problems: string[] } {
  const problems: string[] = []
  const text = (column: PlaceColumn) => (cells[column] ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim()
  for (const entry of placeCsvColumns) if (entry.required && text(entry.column) === '') problems.push(`缺少${entry.header}。`)

  const name = text('name')
  if (name !== '' && name.length < placeLimits.name.minLength) problems.push(`${HEADER.name}「${name}」太短。`)
  const kindValue = text('kind')
  const kind = kindValue === '' ? undefined : kindOf(kindValue)
  if (kindValue !== '' && !kind) problems.push(`${HEADER.kind}「${kindValue}」不对，只能是：${placeKinds.map((entry) => entry.label).join('、')}。`)
  const limits: [PlaceColumn, number][] = [
    ['name', placeLimits.name.maxLength],
    ['county', placeLimits.county.maxLength],
    ['township', placeLimits.township.maxLength],
    ['address', placeLimits.address.maxLength],
    ['openingHours', placeLimits.openingHours.maxLength],
  ]
  for (const [column, maxLength] of limits) {
    const problem = lengthProblem(column, text(column), maxLength)
    if (problem) problems.push(problem)
  }

  const services = text('services')
    .split(SERVICE_SEPARATORS)
    .map((service) => service.trim())
    .filter(Boolean)
  if (services.length > placeLimits.services.maxRows)
    problems.push(`${HEADER.services}最多 ${placeLimits.services.maxRows} 项，这一行有 ${services.length} 项。`)
  const longService = services.find((service) => service.length > placeLimits.service.maxLength)
  if (longService) problems.push(`${HEADER.services}「${longService.slice(0, 12)}…」太长，每项最多 ${placeLimits.service.maxLength} 字，多项用顿号分开。`)

  let phone: string | null = null
  if (text('phone') !== '') {
    const parsed = parsePublicPhone(text('phone'))
    if ('problem' in parsed) problems.push(parsed.problem)
    else phone = parsed.phone
  }

  const datum = text('datum')
  if (WGS84.test(datum) || BD09.test(datum)) {
    problems.push(`${HEADER.datum}是「${datum}」：服务地图只收 ${PLACE_DATUM} 坐标。请在高德地图或腾讯地图上重新取点（取到的就是 ${PLACE_DATUM}）。`)
  } else if (datum !== '' && !GCJ02.test(datum)) problems.push(`${HEADER.datum}「${datum}」不认识：请写 ${PLACE_DATUM} 或留空。`)

  const [latitudeText, longitudeText] = [text('latitude'), text('longitude')]
  const [latitude, longitude] = [numberOf(latitudeText), numberOf(longitudeText)]
  if (latitudeText !== '' && Number.isNaN(latitude)) problems.push(`${HEADER.latitude}「${latitudeText}」不是数字，应写成 31.1268 这样的小数。`)
  if (longitudeText !== '' && Number.isNaN(longitude)) problems.push(`${HEADER.longitude}「${longitudeText}」不是数字，应写成 104.3981 这样的小数。`)
  if (!Number.isNaN(latitude) && !Number.isNaN(longitude) && latitudeText !== '' && longitudeText !== '') {
    const problem = coordinateProblem(latitude, longitude)
    if (problem) problems.push(problem)
  }

  let lastCheckedOn = ''
  if (text('lastCheckedOn') !== '') {
    const checked = checkedOnOf(text('lastCheckedOn'))
    if ('problem' in checked) problems.push(checked.problem)
    else lastCheckedOn = checked.iso
  }

  // The same check as saving in the admin, so nothing the form would refuse comes in by file.
  for (const column of ['name', 'township', 'address', 'openingHours'] as const) {
    const findings = findPersonalInformation(text(column))
    if (findings.length > 0) problems.push(describeFindings(HEADER[column], findings))
  }
  const serviceFindings = services.flatMap((service) => findPersonalInformation(service))
  if (serviceFindings.length > 0) problems.push(describeFindings(HEADER.services, serviceFindings))

  if (problems.length > 0 || !kind) return { problems }
  return {
    data: {
      name,
      kind,
      county: text('county'),
      township: text('township'),
      address: text('address'),
      openingHours: text('openingHours'),
      services: services.map((service) => ({ text: service })),
      phone,
      location: { latitude, longitude, datum: PLACE_DATUM },
      lastCheckedOn,
    },
  }
}

/** The line a record starts on: csv-parse reports where it ends, and a quoted cell may hold line breaks. */
function startLine(endLine: number, raw: string): number {
  const body = raw.replace(/^\n+/, '').replace(/\n$/, '')
  return endLine - (body.match(/\n/g)?.length ?? 0)
}

/**
 * Reads a CSV file of places (UTF-8 or GBK, see decodeCsvBytes) and checks
 * every row. Either every row is good and all are returned with their line
 * numbers, or every problem of every row is returned, so one upload shows
 * all there is to fix. Nothing is saved here.
 */
export function parsePlacesCsv(bytes: Uint8Array): PlacesCsvResult {
  if (bytes.byteLength > PLACE_IMPORT_LIMITS.maxBytes) {
    return { problems: [{ line: 0, message: `文件太大（${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB），一次最多导入 1 MB，请分成几个文件。` }] }
  }
  const decoded = decodeCsvBytes(bytes)
  if ('problem' in decoded) return { problems: [{ line: 0, message: decoded.problem }] }
  // One line break, so line numbers count as a spreadsheet does (csv-parse miscounts \r\n after blank lines).
  const text = decoded.text.replace(/\r\n?/g, '\n')
  let records: { record: string[]; info: { lines: number }; raw: string }[]
  try {
    // With `info` and `raw` each record comes with where it ends and its source text (csv-parse's types leave these out).
    records = parse(text, {
      info: true,
      raw: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      relax_column_count: true,
    }) as unknown as typeof records
  } catch (error) {
    if (!(error instanceof CsvError)) throw error
    const line = typeof error.lines === 'number' ? error.lines : 0
    const message = error.code === 'CSV_QUOTE_NOT_CLOSED' ? '有一个引号（"）没有配对，从这一行起的内容读不出来。' : `这一行的格式读不出来（${error.code}）。`
    return { problems: [{ line, message }] }
  }
  const [header, ...body] = records
  if (!header) return { problems: [{ line: 0, message: '文件里没有内容。' }] }
  if (body.length === 0) return { problems: [{ line: 0, message: '文件只有表头，没有地点。' }] }
  if (body.length > PLACE_IMPORT_LIMITS.maxRows) {
    return { problems: [{ line: 0, message: `一次最多导入 ${PLACE_IMPORT_LIMITS.maxRows} 个地点，这个文件有 ${body.length} 个，请分成几个文件。` }] }
  }

  const headerLine = startLine(header.info.lines, header.raw)
  const columns = header.record.map((cell) => (cell.trim() === '' ? null : columnOfHeader(cell)))
  const headerProblems: string[] = []
  const unknown = header.record.filter((cell, index) => cell.trim() !== '' && columns[index] === undefined)
  if (unknown.length > 0) headerProblems.push(`不认识的列：${unknown.map((cell) => `「${cell.trim()}」`).join('、')}。请使用模板里的列名。`)
  const missing = placeCsvColumns.filter((entry) => entry.required && !columns.includes(entry.column)).map((entry) => entry.header)
  if (missing.length > 0) {
    const hint = header.record.length === 1 && /[\t;]/.test(header.record[0] ?? '') ? '（列之间要用英文逗号分隔）' : ''
    headerProblems.push(`缺少这些列：${missing.join('、')}${hint}。`)
  }
  const repeated = columns.filter((column, index) => column && columns.indexOf(column) !== index)
  if (repeated.length > 0) headerProblems.push(`这些列出现了两次：${[...new Set(repeated)].map((column) => HEADER[column as PlaceColumn]).join('、')}。`)
  if (headerProblems.length > 0) return { problems: [{ line: headerLine, message: headerProblems.join('') }] }

  const problems: PlaceImportProblem[] = []
  const rows: { line: number; data: PlaceImportData }[] = []
  const firstLineOf = new Map<string, number>()
  for (const { record, info, raw } of body) {
    const line = startLine(info.lines, raw)
    const cells: Partial<Record<PlaceColumn, string>> = {}
    record.forEach((value, index) => {
      const column = columns[index]
      if (column) cells[column] = value
    })
    const extra = record.slice(columns.length).filter((value) => value.trim() !== '')
    const checked = checkRow(cells)
    const rowProblems = 'problems' in checked ? [...checked.problems] : []
    if (extra.length > 0) rowProblems.push(`比表头多出 ${extra.length} 个格子（可能是内容里有英文逗号，请给这一格加上双引号）。`)
    if ('data' in checked) {
      const key = `${checked.data.county}\u0000${checked.data.name}`
      const earlier = firstLineOf.get(key)
      if (earlier !== undefined) rowProblems.push(`和第 ${earlier} 行重复：同一个县区里已有「${checked.data.name}」。`)
      else firstLineOf.set(key, line)
    }
    if (rowProblems.length > 0) problems.push({ line, message: rowProblems.join('') })
    else if ('data' in checked) rows.push({ line, data: checked.data })
  }
  return problems.length > 0 ? { problems } : { rows, encoding: decoded.encoding }
}
