import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { parsePlacesCsv } from './parsePlacesCsv'
import { PLACE_IMPORT_LIMITS, placeCsvTemplate } from './placeCsvColumns'

const HEADER = '名称,类型,县区,乡镇街道,地址,开放时间,服务内容,电话,纬度,经度,核实日期'
const GOOD = [
  '城关镇家庭教育指导中心,家庭教育指导中心,某某县,城关镇,人民路 12 号,周一至周五 8:30-17:30,家长咨询、亲子活动,0838-2212345,31.1268,104.3981,2026-11-20',
  '青山村家长服务站,服务站,某某县,青山镇,青山村村委会,周六上午,"作业辅导,亲子阅读",12355,31.2001,104.5002,2026/11/2',
]

const utf8 = (text: string) => new TextEncoder().encode(text)
const problemsOf = (bytes: Uint8Array) => {
  const result = parsePlacesCsv(bytes)
  if (!('problems' in result)) throw new Error(`expected problems, got ${result.rows.length} rows`)
  return result.problems
}

describe('parsePlacesCsv', () => {
  it('reads good rows with their line numbers, services split and the phone in one form', () => {
    const result = parsePlacesCsv(utf8(`\uFEFF${HEADER}\r\n${GOOD.join('\r\n')}\r\n`))
    if ('problems' in result) throw new Error(JSON.stringify(result.problems))
    expect(result.encoding).toBe('UTF-8')
    expect(result.rows.map((row) => row.line)).toEqual([2, 3])
    expect(result.rows[0]?.data).toEqual({
      name: '城关镇家庭教育指导中心',
      kind: 'guidance-centre',
      county: '某某县',
      township: '城关镇',
      address: '人民路 12 号',
      openingHours: '周一至周五 8:30-17:30',
      services: [{ text: '家长咨询' }, { text: '亲子活动' }],
      phone: '0838-2212345',
      location: { latitude: 31.1268, longitude: 104.3981, datum: 'GCJ-02' },
      lastCheckedOn: '2026-11-20T04:00:00.000Z',
    })
    expect(result.rows[1]?.data).toMatchObject({
      kind: 'service-station',
      services: [{ text: '作业辅导' }, { text: '亲子阅读' }],
      lastCheckedOn: '2026-11-02T04:00:00.000Z',
    })
  })

  it('reads a GBK file, as Excel on Chinese Windows saves 「CSV（逗号分隔）」', () => {
    const gbk = iconv.encode(`${HEADER}\r\n${GOOD.join('\r\n')}\r\n`, 'gbk')
    // Really GBK, not UTF-8 by accident.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow()
    const result = parsePlacesCsv(gbk)
    if ('problems' in result) throw new Error(JSON.stringify(result.problems))
    expect(result.encoding).toBe('GB18030')
    expect(result.rows.map((row) => row.data.name)).toEqual(['城关镇家庭教育指导中心', '青山村家长服务站'])
  })

  it('reports every bad row by the line a spreadsheet shows, counting blank lines and line breaks inside cells', () => {
    const rows = [
      HEADER,
      GOOD[0],
      '',
      '坐标错的站,服务站,某某县,,,,,,abc,104.1,2026-11-20',
      '"缺县的站",服务站,,,"两行\n地址",,,,31.1,104.1,2026-11-20',
      '填反的站,实践基地,某某县,,,,,,104.1,31.1,2026-11-20',
      '手机站,服务站,某某县,,,,,138 1234 5678,31.1,104.1,2026-11-20',
      '写了手机的站,服务站,某某县,,联系人电话13812345678,,,,31.1,104.1,2026-11-20',
      '不明类型,公园,某某县,,,,,,31.1,104.1,2026-13-01',
      '城关镇家庭教育指导中心,家庭教育指导中心,某某县,,,,,,31.1,104.1,2026-11-20',
    ]
    const problems = problemsOf(utf8(rows.join('\n')))
    expect(problems.map((problem) => problem.line)).toEqual([4, 5, 7, 8, 9, 10, 11])
    const byLine = new Map(problems.map((problem) => [problem.line, problem.message]))
    expect(byLine.get(4)).toContain('纬度「abc」不是数字')
    expect(byLine.get(5)).toContain('缺少县区')
    expect(byLine.get(7)).toContain('填反')
    expect(byLine.get(8)).toContain('手机号码')
    expect(byLine.get(9)).toContain('个人信息')
    expect(byLine.get(10)).toContain('类型「公园」不对')
    expect(byLine.get(10)).toContain('不是真实的日期')
    expect(byLine.get(11)).toContain('和第 2 行重复')
  })

  it('refuses a coordinate outside China and a datum other than GCJ-02', () => {
    const header = `${HEADER},坐标系`
    const problems = problemsOf(utf8([header, `${GOOD[0]},WGS-84`, '巴黎站,服务站,某某县,,,,,,48.85,2.35,2026-11-20,'].join('\n')))
    expect(problems).toEqual([
      { line: 2, message: expect.stringContaining('只收 GCJ-02') },
      { line: 3, message: expect.stringContaining('不在中国境内') },
    ])
  })

  it('explains a bad encoding, a spreadsheet file, a missing column and an open quote', () => {
    expect(problemsOf(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))[0]?.message).toContain('UTF-16')
    expect(problemsOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]))[0]?.message).toContain('Excel 表格文件')
    // 0x81 0x20 is neither UTF-8 nor GB18030.
    expect(problemsOf(new Uint8Array([...utf8('名称,'), 0x81, 0x20, 0x0a]))[0]?.message).toContain('编码无法识别')
    expect(problemsOf(utf8('名称,类型,纬度,经度\n某站,服务站,31,104\n'))).toEqual([{ line: 1, message: expect.stringContaining('缺少这些列：县区、核实日期') }])
    expect(problemsOf(utf8(`${HEADER}\n${GOOD[0]}\n"没有配对,服务站\n`))[0]).toMatchObject({ line: 3, message: expect.stringContaining('引号') })
  })

  it('refuses an over-large file and too many rows before reading any row', () => {
    const big = new Uint8Array(PLACE_IMPORT_LIMITS.maxBytes + 1).fill(0x41)
    expect(problemsOf(big)[0]?.message).toContain('文件太大')
    const many = Array.from({ length: PLACE_IMPORT_LIMITS.maxRows + 1 }, (_, index) => `站${index},服务站,某某县,,,,,,31.1,104.1,2026-11-20`)
    expect(problemsOf(utf8([HEADER, ...many].join('\n')))[0]?.message).toContain(`最多导入 ${PLACE_IMPORT_LIMITS.maxRows} 个`)
  })

  it('accepts its own template', () => {
    const result = parsePlacesCsv(utf8(placeCsvTemplate()))
    expect('rows' in result && result.rows.length).toBe(1)
  })
})
