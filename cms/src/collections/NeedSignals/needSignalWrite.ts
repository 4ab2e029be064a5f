import { randomUUID } from 'node:crypto'
import { ISO_WEEK, isoWeekOf, needSignalBodySchema, needSignalLimits, type NeedSignalBody } from '@gongyu/contract'
import { normalizeText } from '@gongyu/search/text'
import { AnonymousWriteRefusal, type AnonymousWriteKind } from '../../anonymousWrites/anonymousWriteKind'
import { insertAnonymousRow } from '../../anonymousWrites/insertAnonymousRow'
import { findPersonalInformation } from '../../privacy/findPersonalInformation'
import { areaKey, needSignalSettings } from './needSignalSettings'

/** A needs signal is a short query and two area names; 1 KB is ample. */
const MAX_BODY_BYTES = 1024

/**
 * `POST /api/anonymous/need-signal`: 没找到？告诉我们, or a search that found
 * nothing where an organization turned counting on (issue 17). The phone has
 * already scrubbed the query; the CMS checks it again with the same
 * personal-information check as case studies and refuses anything it finds.
 * The week is the server's, in Asia/Shanghai; the area must be one the site
 * lists (an organization's region).
 */
export const needSignalWrite: AnonymousWriteKind<NeedSignalBody> = {
  kind: 'need-signal',
  schema: needSignalBodySchema,
  maxBodyBytes: MAX_BODY_BYTES,
  store: async (payload, value) => {
    // One normal form (Simplified, NFKC, lower case), so 厭學 and 厌学 are one query in the report.
    const query = normalizeText(value.query)
    if (query.length < needSignalLimits.query.minLength) throw new AnonymousWriteRefusal(400, '请先写下要找的内容。')
    if (findPersonalInformation(value.query).length > 0 || findPersonalInformation(query).length > 0) {
      throw new AnonymousWriteRefusal(400, '搜索词里好像有电话号码、证件号码、姓名或住址，没有保存。请删掉这些再发送，我们只需要知道您想找什么内容。')
    }
    const settings = await needSignalSettings(payload)
    if (value.kind === 'zero-result' && !settings.countsZeroResults) {
      throw new AnonymousWriteRefusal(404, '这个网站没有开启搜索无结果统计。')
    }
    if (value.province && !settings.areas.has(areaKey(value.province, value.county))) {
      throw new AnonymousWriteRefusal(400, '选择的地区不在列表里，请从列表中选择县（区），或者不选地区。')
    }
    const province = value.province ? normalizeText(value.province) : null
    const county = value.county ? normalizeText(value.county) : null
    // The week only, never the day or the time: what the collection's `week` field accepts.
    const week = isoWeekOf(new Date())
    if (!ISO_WEEK.test(week)) throw new Error(`isoWeekOf gave ${week}, not an ISO week`)
    // Normalizing can lengthen a text (a Taiwan phrase, an NFKC ligature): the insert checks the fields' length limits again.
    await insertAnonymousRow(payload, 'need-signals', { id: randomUUID(), query, province, county, week, kind: value.kind })
    return {
      message:
        value.kind === 'asked'
          ? `谢谢！已经告诉我们您在找「${query}」。课程编辑会参考大家的需要编写新内容；我们没有记录您的电话、位置或其他个人信息。`
          : '已记录。',
    }
  },
}
