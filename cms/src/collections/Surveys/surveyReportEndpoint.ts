import type { Endpoint, Payload } from 'payload'
import { stringify } from 'csv-stringify/sync'
import { escapeHtml, SURVEY_QUESTION_COUNT } from '@gongyu/contract'
import type { Survey } from '../../payload-types'
import { loadSurveyForStaff } from './loadSurveyForStaff'
import { type ReportedAnswer, type ReportGroup, type SurveyReport, surveyReport } from './surveyReport'
import { STAFF_PAGE_HEADERS, staffMessagePage } from '../../http/staffPage'

const PAGE_SIZE = 1000
const HIDDEN = '少于 10 份，不显示'

function messagePage(status: number, message: string): Response {
  return staffMessagePage(status, '问卷报告', message)
}

/** Every answer of a survey, read on the server only (answers have no API read access). */
async function answersOf(payload: Payload, survey: Survey): Promise<ReportedAnswer[]> {
  const answers: ReportedAnswer[] = []
  for (let page = 1; ; page += 1) {
    const result = await payload.find({
      collection: 'survey-answers',
      where: { survey: { equals: survey.id } },
      page,
      limit: PAGE_SIZE,
      depth: 0,
      overrideAccess: true,
      select: { answeredWeek: true, q1: true, q2: true, q3: true, q4: true, q5: true, comment: true },
    })
    for (const doc of result.docs)
      answers.push({ answeredWeek: doc.answeredWeek, scores: [doc.q1, doc.q2, doc.q3, doc.q4, doc.q5], comment: doc.comment ?? '' })
    if (!result.hasNextPage) return answers
  }
}

function questionsOf(survey: Survey): string[] {
  return (survey.questions ?? []).map((question) => question.text)
}

function groupRow(group: ReportGroup): string {
  const label = group.label === '全部' ? '全部回答' : `${group.label.replace('-W', ' 年第 ')} 周`
  if (!group.figures) return `<tr><th scope="row">${escapeHtml(label)}</th><td colspan="${SURVEY_QUESTION_COUNT + 1}">${HIDDEN}</td></tr>`
  const cells = group.figures.means.map((mean, index) => `<td title="1～5 分人数：${group.figures?.distributions[index]?.join(' / ')}">${mean.toFixed(2)}</td>`)
  return `<tr><th scope="row">${escapeHtml(label)}</th><td>${group.figures.count}</td>${cells.join('')}</tr>`
}

function reportPage(survey: Survey, report: SurveyReport): string {
  const questions = questionsOf(survey)
  const head = questions.map((text, index) => `<th scope="col">第 ${index + 1} 题<br><small>${escapeHtml(text)}</small></th>`).join('')
  const comments =
    report.comments.length > 0
      ? `<h2>文字回答（${report.comments.length} 条，按文字排序）</h2><ul>${report.comments.map((comment) => `<li>${escapeHtml(comment)}</li>`).join('')}</ul>`
      : '<p>文字回答在回答总数达到 10 份后显示。</p>'
  return `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>问卷报告 · ${escapeHtml(survey.title)}</title>
<style>body{font:16px/1.6 system-ui,sans-serif;margin:1rem auto;max-width:60rem;padding:0 1rem}table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}small{font-weight:normal}</style></head>
<body><h1>问卷报告：${escapeHtml(survey.title)}</h1>
<p>平均分为 1～5 分。为保护家长隐私，少于 ${report.threshold} 份回答的分组不显示人数和分数；如果算出总数会暴露这些分组，总数也不显示。</p>
<p><a href="report.csv">下载 CSV（Excel 可直接打开）</a> · <a href="codes">打印一次性码</a></p>
<table><thead><tr><th scope="col">分组</th><th scope="col">回答数</th>${head}</tr></thead><tbody>${[report.total, ...report.weeks].map(groupRow).join('')}</tbody></table>
${comments}</body></html>`
}

function reportCsv(survey: Survey, report: SurveyReport): string {
  const questions = questionsOf(survey)
  const rows: string[][] = [['分组', '回答数', ...questions.map((text, index) => `第${index + 1}题平均分：${text}`)]]
  for (const group of [report.total, ...report.weeks]) {
    rows.push(group.figures ? [group.label, String(group.figures.count), ...group.figures.means.map((mean) => mean.toFixed(2))] : [group.label, HIDDEN])
  }
  // The byte-order mark makes Excel read the file as UTF-8 instead of the system's GBK.
  return `\uFEFF${stringify(rows, { record_delimiter: '\r\n' })}`
}

/** GET /api/surveys/:id/report: the survey's report for its organization's org-admins and admins. */
export const surveyReportEndpoint: Endpoint = {
  path: '/:id/report',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return messagePage(401, '请先登录管理后台，再打开问卷报告。')
    const survey = await loadSurveyForStaff(req)
    if (!survey) return messagePage(404, '找不到这份问卷，或你没有权限查看它的报告。')
    return new Response(reportPage(survey, surveyReport(await answersOf(req.payload, survey))), { status: 200, headers: STAFF_PAGE_HEADERS })
  },
}

/** GET /api/surveys/:id/report.csv: the same figures as CSV with a UTF-8 byte-order mark. */
export const surveyReportCsvEndpoint: Endpoint = {
  path: '/:id/report.csv',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return messagePage(401, '请先登录管理后台，再下载问卷报告。')
    const survey = await loadSurveyForStaff(req)
    if (!survey) return messagePage(404, '找不到这份问卷，或你没有权限查看它的报告。')
    const csv = reportCsv(survey, surveyReport(await answersOf(req.payload, survey)))
    return new Response(csv, {
      status: 200,
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="survey-${survey.slug}-report.csv"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    })
  },
}
