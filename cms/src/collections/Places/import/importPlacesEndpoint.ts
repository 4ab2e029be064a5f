import { commitTransaction, type Endpoint, initTransaction, killTransaction, type PayloadRequest, ValidationError } from 'payload'
import { hasRole } from '../../../access/roles'
import { slugFromTitle } from '../../../hooks/fillSlug'
import { readLimitedBody } from '../../../http/readLimitedBody'
import { type PlaceImportData, type PlaceImportProblem, parsePlacesCsv } from './parsePlacesCsv'
import { PLACE_IMPORT_LIMITS } from './placeCsvColumns'

type Id = string | number

function refused(status: number, problems: PlaceImportProblem[]): Response {
  return Response.json({ imported: 0, problems }, { status, headers: { 'Cache-Control': 'no-store' } })
}

/** What a refused save says, as the editor would read it in the form. */
function messageOf(error: unknown): string {
  if (error instanceof ValidationError) return error.data.errors.map((entry) => entry.message).join('')
  const status = (error as { status?: number }).status
  if (status === 403) return '没有权限保存这一行。'
  throw error
}

/** Slugs for the rows that are free in the database and in the file: the pinyin of county and name, with -2, -3… when taken. */
async function freeSlugs(req: PayloadRequest, rows: { data: PlaceImportData }[]): Promise<string[]> {
  const wanted = rows.map(({ data }) => slugFromTitle(`${data.county} ${data.name}`.trim()) || 'place')
  // Every slug in the map, drafts included: a county's directory is thousands at most, and one query beats one per row.
  const existing = await req.payload.find({
    collection: 'places',
    select: { slug: true },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    draft: true,
    req,
  })
  const taken = new Set(existing.docs.map((doc) => doc.slug))
  return wanted.map((slug) => {
    let candidate = slug
    for (let suffix = 2; taken.has(candidate); suffix += 1) candidate = `${slug}-${suffix}`
    taken.add(candidate)
    return candidate
  })
}

/** Places already in the service map under the same county and name, by the CSV line that repeats them. */
async function alreadyListed(req: PayloadRequest, rows: { line: number; data: PlaceImportData }[]): Promise<PlaceImportProblem[]> {
  const names = [...new Set(rows.map(({ data }) => data.name))]
  const { docs } = await req.payload.find({
    collection: 'places',
    where: { name: { in: names } },
    select: { name: true, county: true },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    draft: true,
    req,
  })
  const listed = new Set(docs.map((doc) => `${doc.county}\u0000${doc.name}`))
  return rows
    .filter(({ data }) => listed.has(`${data.county}\u0000${data.name}`))
    .map(({ line, data }) => ({ line, message: `服务地图里已经有${data.county}的「${data.name}」，请在后台直接修改它，或从文件里删掉这一行。` }))
}

/**
 * `POST /api/places/import` with a CSV file as the body (text/csv): every
 * row becomes a draft place, sent for review, or nothing does. All rows are
 * checked first and every bad row is reported with its line number; the saves
 * then run in one transaction, and on a database without transactions
 * (MongoDB without a replica set) the rows saved before a refused one are
 * deleted again. Content staff only; at most 1 MB and 500 rows (PLACE_IMPORT_LIMITS).
 */
export const importPlacesEndpoint: Endpoint = {
  path: '/import',
  method: 'post',
  handler: async (req) => {
    if (!hasRole(req.user, 'admin', 'reviewer', 'editor'))
      return refused(403, [{ line: 0, message: '只有编辑、审核人员和管理员可以导入服务地点。请先登录后台。' }])
    const declared = Number(req.headers.get('content-length') ?? Number.NaN)
    const tooLarge = [{ line: 0, message: `文件太大，一次最多导入 ${PLACE_IMPORT_LIMITS.maxBytes / 1024 / 1024} MB，请分成几个文件。` }]
    if (declared > PLACE_IMPORT_LIMITS.maxBytes) return refused(413, tooLarge)
    const bytes = req.body ? await readLimitedBody(req.body, PLACE_IMPORT_LIMITS.maxBytes) : new Uint8Array()
    if (bytes === 'too-large') return refused(413, tooLarge)

    const parsed = parsePlacesCsv(bytes)
    if ('problems' in parsed) return refused(400, parsed.problems)
    const duplicates = await alreadyListed(req, parsed.rows)
    if (duplicates.length > 0) return refused(400, duplicates)

    const slugs = await freeSlugs(req, parsed.rows)
    const ownTransaction = await initTransaction(req)
    const created: Id[] = []
    try {
      for (const [index, { line, data }] of parsed.rows.entries()) {
        try {
          const doc = await req.payload.create({
            collection: 'places',
            data: { ...data, slug: slugs[index], reviewState: 'in-review', _status: 'draft' },
            draft: true,
            overrideAccess: false,
            user: req.user,
            req,
          })
          created.push(doc.id)
        } catch (error) {
          return await undo(req, ownTransaction, created, [{ line, message: messageOf(error) }])
        }
      }
      if (ownTransaction) await commitTransaction(req)
    } catch (error) {
      await undo(req, ownTransaction, created, [])
      throw error
    }
    return Response.json(
      { imported: created.length, encoding: parsed.encoding, message: `已导入 ${created.length} 个地点，都是草稿，已提交审核；审核通过后发布到网站。` },
      { status: 201, headers: { 'Cache-Control': 'no-store' } },
    )
  },
}

/** Rolls the import back: the transaction when there is one, and otherwise deletes what was saved. */
async function undo(req: PayloadRequest, ownTransaction: boolean, created: Id[], problems: PlaceImportProblem[]): Promise<Response> {
  const inTransaction = req.transactionID !== undefined
  if (ownTransaction && inTransaction) await killTransaction(req)
  if (!inTransaction && created.length > 0) {
    await req.payload.delete({ collection: 'places', where: { id: { in: created } }, overrideAccess: true })
  }
  return refused(400, problems)
}
