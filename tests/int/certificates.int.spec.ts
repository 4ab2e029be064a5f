import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeSignedCertificate, fromBase64url, publishedContentSchema } from '@gongyu/contract'
import { type DataIntegrityProof, ed25519KeyOfDidKey, verifyEddsaJcs2022Proof } from '../../cms/src/collections/Certificates/openBadge/eddsaJcs2022.ts'
import { ed25519Scheme } from '../../cms/src/signing/ed25519Scheme.ts'
import { validData } from '../fixtures/contentFixtures.ts'
import { startTestPayload, type TestPayload, type TestRole } from '../helpers/testPayload.ts'

// Issue 16: certificates signed by an organization's key, revoked through the static list. Runs on SQLite and MongoDB.
type Id = string | number

let t: TestPayload
let lists: { a: Id; b: Id }

const userOf = (role: TestRole) => t.users[role].user as never
const idOf = (value: unknown): Id => (value && typeof value === 'object' ? (value as { id: Id }).id : (value as Id))

function certificateData(courseList: Id, overrides: Record<string, unknown> = {}) {
  return { recipientName: '王秀英', courseList, hours: 16, periodStart: '2026-03-01T04:00:00.000Z', periodEnd: '2026-11-30T04:00:00.000Z', ...overrides }
}

/** Issues a certificate through the Local API as a staff member, with access enforced. */
function issue(as: TestRole, data: Record<string, unknown>) {
  return t.payload.create({ collection: 'certificates', data: data as never, overrideAccess: false, user: userOf(as) })
}

/** The validation messages of a refused save, joined. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    const data = (error as { data?: { errors?: { message: string }[] } }).data
    return [(error as Error).message, ...(data?.errors ?? []).map((entry) => entry.message)].join(' ')
  }
  throw new Error('the save was accepted')
}

const countCertificates = async () => (await t.payload.count({ collection: 'certificates', overrideAccess: true })).totalDocs

async function exportedTrust() {
  const { readPublishedContent } = await import('@gongyu/cms/publishing')
  return publishedContentSchema.parse(await readPublishedContent(t.payload))
}

beforeAll(async () => {
  t = await startTestPayload()
  const list = async (organization: Id, title: string) =>
    (await t.payload.create({ collection: 'course-lists', data: { title, organization, items: [], _status: 'published' } as never })).id
  lists = { a: await list(t.organizations.a, '一年四次八课'), b: await list(t.organizations.b, '乙社区亲子共读') }
})
afterAll(async () => {
  await t?.close()
})

describe('issuing a certificate', () => {
  it('signs exactly what is printed with the organization’s key, made on first use, and logs who issued it', async () => {
    const certificate = await issue('orgAdminA', certificateData(lists.a, { organization: t.organizations.b }))
    expect(idOf(certificate.organization)).toBe(t.organizations.a)
    expect(idOf(certificate.issuedBy)).toBe(t.users.orgAdminA.id)
    expect(Date.now() - new Date(certificate.issuedAt as string).getTime()).toBeLessThan(60_000)
    const decoded = decodeSignedCertificate(certificate.signedText as string)
    if (!decoded.ok) throw new Error(decoded.error)
    expect(decoded.content).toEqual({
      keyId: certificate.keyId,
      organization: 'org-a',
      id: certificate.certificateId,
      name: '王秀英',
      programme: '一年四次八课',
      hours: 16,
      periodStart: '2026-03-01',
      periodEnd: '2026-11-30',
      issuedOn: decoded.content.issuedOn,
    })
    const keys = await t.payload.find({
      collection: 'signing-keys',
      where: { organization: { equals: t.organizations.a } },
      overrideAccess: true,
      showHiddenFields: true,
    })
    expect(keys.docs.map((key) => key.status)).toEqual(['active'])
    const key = keys.docs[0]
    expect(key?.keyId).toBe(certificate.keyId)
    // Stored encrypted: the ciphertext is not the PKCS#8 key, and it decrypts only with the key id bound in.
    expect(key?.encryptedPrivateKey).toMatch(/^v1\./)
    expect(ed25519Scheme.verify(fromBase64url(key?.publicKey as string) as Uint8Array, decoded.signedBytes, decoded.signature)).toBe(true)
  })

  it('refuses a course list of another organization, out-of-range hours, a backwards period and personal information, saving nothing', async () => {
    const before = await countCertificates()
    expect(await refusal(issue('orgAdminA', certificateData(lists.b)))).toContain('《乙社区亲子共读》属于另一个机构')
    expect(await refusal(issue('admin', certificateData(lists.b, { organization: t.organizations.a })))).toContain('属于另一个机构')
    for (const hours of [0, -2, 1001, 2.3])
      expect(await refusal(issue('orgAdminA', certificateData(lists.a, { hours })))).toContain('学时要在 0.5 到 1000 之间')
    expect(await refusal(issue('orgAdminA', certificateData(lists.a, { periodEnd: '2026-01-01T04:00:00.000Z' })))).toContain('结束日期不能早于开始日期')
    expect(await refusal(issue('orgAdminA', certificateData(lists.a, { recipientName: '王秀英 13812345678' })))).toMatch(/手机/)
    expect(await refusal(issue('orgAdminA', certificateData(lists.a, { recipientName: '   ' })))).toContain('请填写证书上要打印的姓名')
    expect(await countCertificates()).toBe(before)
  })

  it('refuses any change to what was signed after issue, naming the field', async () => {
    const certificate = await issue('orgAdminA', certificateData(lists.a))
    const update = (data: Record<string, unknown>) =>
      t.payload.update({ collection: 'certificates', id: certificate.id, data: data as never, overrideAccess: false, user: userOf('orgAdminA') })
    expect(await refusal(update({ recipientName: '王秀芳' }))).toContain('不能修改「姓名」')
    expect(await refusal(update({ hours: 40 }))).toContain('不能修改「学时」')
    const after = await t.payload.findByID({ collection: 'certificates', id: certificate.id, overrideAccess: true })
    expect(after.recipientName).toBe('王秀英')
    expect(after.signedText).toBe(certificate.signedText)
  })
})

describe('revoking and rotating', () => {
  it('records who revoked and when, publishes the id (never the name) and never un-revokes', async () => {
    const certificate = await issue('orgAdminA', certificateData(lists.a, { recipientName: '李桂兰' }))
    const revoked = await t.payload.update({
      collection: 'certificates',
      id: certificate.id,
      data: { revoked: true, revocationReason: '学时登记有误' } as never,
      overrideAccess: false,
      user: userOf('orgAdminA'),
    })
    expect(idOf(revoked.revokedBy)).toBe(t.users.orgAdminA.id)
    expect(revoked.revokedAt).toBeTruthy()
    expect(revoked.signedText).toBe(certificate.signedText)
    expect(
      await refusal(t.payload.update({ collection: 'certificates', id: certificate.id, data: { revoked: false } as never, overrideAccess: true })),
    ).toContain('已撤销的证书不能恢复')
    const exported = await exportedTrust()
    expect(exported.revokedCertificates?.map((entry) => entry.id)).toContain(certificate.certificateId)
    const json = JSON.stringify(exported)
    expect(json).not.toContain('李桂兰')
    expect(json).not.toContain('encryptedPrivateKey')
    expect(json).not.toContain('v1.')
  })

  it('revokes through REST when the admin form sends the whole certificate back, however long its signed data', async () => {
    const programme = '城关镇家长学校二〇二六年度家庭教育指导系列课程（一年四次八课）'
    const certificate = await issue('orgAdminA', certificateData(lists.a, { recipientName: '欧阳娜娜', programme }))
    expect((certificate.signedText as string).length).toBeGreaterThan(255)
    const { id, ...form } = certificate as unknown as Record<string, unknown>
    const response = await t.rest('PATCH', `/certificates/${id}`, { as: 'orgAdminA', body: { ...form, revoked: true } })
    expect(response.status).toBe(200)
    expect(response.json.doc.revoked).toBe(true)
    expect(response.json.doc.signedText).toBe(certificate.signedText)
  })

  it('retires the old key when a new one is made, and the old certificates still check against the published old key', async () => {
    const old = await issue('orgAdminA', certificateData(lists.a))
    await t.payload.create({ collection: 'signing-keys', data: { organization: t.organizations.b } as never, overrideAccess: false, user: userOf('orgAdminA') })
    const fresh = await issue('orgAdminA', certificateData(lists.a))
    expect(fresh.keyId).not.toBe(old.keyId)
    const { signingKeys = [] } = await exportedTrust()
    const published = signingKeys.find((key) => key.keyId === old.keyId)
    expect(published).toMatchObject({ organization: 'org-a', status: 'retired', algorithm: 'ed25519' })
    expect(signingKeys.filter((key) => key.organization === 'org-a' && key.status === 'active').map((key) => key.keyId)).toEqual([fresh.keyId])
    const decoded = decodeSignedCertificate(old.signedText as string)
    if (!decoded.ok) throw new Error(decoded.error)
    expect(ed25519Scheme.verify(fromBase64url(published?.publicKey as string) as Uint8Array, decoded.signedBytes, decoded.signature)).toBe(true)
  })

  it('lets a key go forward only (使用中 → 已停用 → 已作废) and keeps its key material', async () => {
    const key = await t.payload.create({
      collection: 'signing-keys',
      data: { organization: t.organizations.b } as never,
      overrideAccess: false,
      user: userOf('orgAdminB'),
    })
    const update = (data: Record<string, unknown>) =>
      t.payload.update({ collection: 'signing-keys', id: key.id, data: data as never, overrideAccess: false, user: userOf('orgAdminB') })
    const kept = await update({ publicKey: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', status: 'revoked' })
    expect(kept.publicKey).toBe(key.publicKey)
    expect(kept.status).toBe('revoked')
    expect(await refusal(update({ status: 'active' }))).toContain('已作废的密钥不能再启用')
  })
})

describe('the private key never leaves the server', () => {
  it('is absent from REST and GraphQL answers, even to an admin', async () => {
    const list = await t.rest('GET', '/signing-keys?limit=50', { as: 'admin' })
    expect(list.status).toBe(200)
    expect(list.json.docs.length).toBeGreaterThan(0)
    expect(JSON.stringify(list.json)).not.toContain('encryptedPrivateKey')
    const graphql = await t.graphql('{ SigningKeys { docs { keyId publicKey encryptedPrivateKey } } }', { as: 'admin' })
    expect(JSON.stringify(graphql.json)).not.toMatch(/"encryptedPrivateKey":"v1\./)
  })
})

describe('the printable certificate', () => {
  const print = (id: Id, as?: TestRole) =>
    t.send(new Request(`http://localhost:3000/api/certificates/${id}/print`, { headers: as ? { authorization: `JWT ${t.users[as].token}` } : {} }))

  it('is an A4 page with the name and a QR code, for the organization’s org-admin and admins only', async () => {
    const certificate = await issue('orgAdminA', certificateData(lists.a, { recipientName: '张建华' }))
    const page = await print(certificate.id, 'orgAdminA')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(page.headers.get('cache-control')).toBe('no-store')
    const html = await page.text()
    expect(html).toContain('张建华')
    expect(html).toContain('size:A4')
    expect(html).toMatch(/<svg[^>]*>/)
    // The screen-only note links the Open Badges download, relative to the print page.
    expect(html).toContain('<a href="open-badge" download>')
    expect((await print(certificate.id, 'admin')).status).toBe(200)
    expect((await print(certificate.id, 'orgAdminB')).status).toBe(404)
    expect((await print(certificate.id, 'editor')).status).toBe(404)
    expect((await print(certificate.id)).status).toBe(401)
  })
})

describe('the Open Badges 3.0 export (optional part)', () => {
  const download = (id: Id, as?: TestRole) =>
    t.send(new Request(`http://localhost:3000/api/certificates/${id}/open-badge`, { headers: as ? { authorization: `JWT ${t.users[as].token}` } : {} }))

  it('is an OpenBadgeCredential with what is printed, and an eddsa-jcs-2022 proof by the organization’s published key', async () => {
    const certificate = await issue('orgAdminA', certificateData(lists.a, { recipientName: '李春梅' }))
    const response = await download(certificate.id, 'orgAdminA')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="gongyu-certificate-[A-Za-z0-9_-]+\.json"$/)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const credential = (await response.json()) as Record<string, unknown> & { proof: DataIntegrityProof; issuer: { id: string }; credentialSubject: object }
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential'])
    expect(credential['@context']).toContain('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json')
    expect(credential.credentialSubject).toMatchObject({
      identifier: [{ identityHash: '李春梅', identityType: 'name', hashed: false }],
      creditsEarned: 16,
      activityStartDate: '2026-03-01T00:00:00+08:00',
      activityEndDate: '2026-11-30T00:00:00+08:00',
    })
    expect(credential.id).toBe(`${new URL('/verify/', process.env.GONGYU_SITE_URL ?? 'http://localhost:4321').toString()}#${certificate.signedText}`)
    // The proof's key is a did:key of the organization's active key, as the site publishes it.
    const { proof } = credential
    expect(proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', proofPurpose: 'assertionMethod' })
    const [issuerDid, fragment] = proof.verificationMethod.split('#') as [string, string]
    expect(credential.issuer.id).toBe(issuerDid)
    expect(issuerDid).toBe(`did:key:${fragment}`)
    const publicKey = ed25519KeyOfDidKey(proof.verificationMethod)
    if (!publicKey) throw new Error(`not an Ed25519 did:key: ${proof.verificationMethod}`)
    const published = (await exportedTrust()).signingKeys ?? []
    expect(published.some((key) => key.status === 'active' && fromBase64url(key.publicKey)?.join() === publicKey.join())).toBe(true)
    const verify = (message: Uint8Array, signature: Uint8Array) => ed25519Scheme.verify(publicKey, message, signature)
    expect(verifyEddsaJcs2022Proof(credential, verify)).toBe(true)
    const inflated = { ...credential, credentialSubject: { ...credential.credentialSubject, creditsEarned: 160 } }
    expect(verifyEddsaJcs2022Proof(inflated, verify)).toBe(false)
  })

  it('is for the organization’s org-admin and admins only, and not for a revoked certificate', async () => {
    const certificate = await issue('orgAdminA', certificateData(lists.a))
    expect((await download(certificate.id, 'admin')).status).toBe(200)
    expect((await download(certificate.id, 'orgAdminB')).status).toBe(404)
    expect((await download(certificate.id, 'editor')).status).toBe(404)
    expect((await download(certificate.id)).status).toBe(401)
    await t.payload.update({
      collection: 'certificates',
      id: certificate.id,
      data: { revoked: true } as never,
      overrideAccess: false,
      user: userOf('orgAdminA'),
    })
    const refused = await download(certificate.id, 'orgAdminA')
    expect(refused.status).toBe(409)
    expect(JSON.stringify(await refused.json())).toContain('已经撤销')
  })
})

describe('session sheets (part 2)', () => {
  let lesson: Id
  const session = { startsAt: '2026-03-07T01:30:00.000Z', place: '城关镇中心小学多功能厅', runBy: '班主任', hours: 2 }
  const listWith = (items: Record<string, unknown>[], as: TestRole = 'orgAdminA') =>
    t.payload.create({
      collection: 'course-lists',
      data: { title: '签到测试清单', items, _status: 'published' } as never,
      overrideAccess: false,
      user: userOf(as),
    })
  const sheet = (id: Id, item: string, as?: TestRole) =>
    t.send(
      new Request(`http://localhost:3000/api/course-lists/${id}/sessions/${item}/sheet`, { headers: as ? { authorization: `JWT ${t.users[as].token}` } : {} }),
    )

  beforeAll(async () => {
    const theme = await t.payload.create({ collection: 'themes', data: validData('themes', { theme: 0 }) as never })
    lesson = (await t.payload.create({ collection: 'lessons', data: { ...validData('lessons', { theme: theme.id }), _status: 'published' } as never })).id
  })

  it('refuses a session without a date and hours out of range, saving nothing', async () => {
    const before = (await t.payload.count({ collection: 'course-lists', overrideAccess: true })).totalDocs
    const resource = { relationTo: 'lessons', value: lesson }
    expect(await refusal(listWith([{ resource, session: { ...session, startsAt: null } }]))).toContain('没有填日期和时间')
    for (const hours of [0, 9, 1.2]) expect(await refusal(listWith([{ resource, session: { ...session, hours } }]))).toContain('学时要在 0.5 到 8 之间')
    expect((await t.payload.count({ collection: 'course-lists', overrideAccess: true })).totalDocs).toBe(before)
  })

  it('prints a signed check-in sheet for the list’s org-admin and admins only', async () => {
    const list = await listWith([{ resource: { relationTo: 'lessons', value: lesson }, session }, { resource: { relationTo: 'lessons', value: lesson } }])
    const [withSession, withoutSession] = (list.items ?? []).map((row) => String(row.id))
    const page = await sheet(list.id, withSession as string, 'orgAdminA')
    expect(page.status).toBe(200)
    const html = await page.text()
    for (const text of ['家长学校签到', '城关镇中心小学多功能厅', '班主任', '2 学时', '2026年3月7日 09:30', '2026年3月8日']) expect(html).toContain(text)
    expect(html).toMatch(/<svg[^>]*>/)
    expect((await sheet(list.id, withSession as string, 'admin')).status).toBe(200)
    expect((await sheet(list.id, withSession as string, 'orgAdminB')).status).toBe(404)
    expect((await sheet(list.id, withSession as string, 'editor')).status).toBe(404)
    expect((await sheet(list.id, withSession as string)).status).toBe(401)
    expect(await (await sheet(list.id, withoutSession as string, 'orgAdminA')).text()).toContain('没有填线下活动的开始时间')
    const index = await t.send(
      new Request(`http://localhost:3000/api/course-lists/${list.id}/sessions`, { headers: { authorization: `JWT ${t.users.orgAdminA.token}` } }),
    )
    expect(await index.text()).toContain(`/api/course-lists/${list.id}/sessions/${withSession}/sheet`)
  })
})
