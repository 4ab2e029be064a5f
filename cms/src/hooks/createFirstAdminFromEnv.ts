import type { Payload } from 'payload'
import { cmsSettings } from '../env/settings'

/**
 * Creates the first admin account from `GONGYU_ADMIN_EMAIL` and
 * `GONGYU_ADMIN_PASSWORD` when there are no users yet. Without them the
 * admin shows its own "create first user" form.
 */
export async function createFirstAdminFromEnv(payload: Payload, env: NodeJS.ProcessEnv): Promise<void> {
  const firstAdmin = cmsSettings(env).firstAdmin
  if (!firstAdmin) return
  const { email, password } = firstAdmin
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  if (totalDocs > 0) return
  await payload.create({ collection: 'users', data: { email, password, role: 'admin', name: '管理员' }, overrideAccess: true })
  payload.logger.info(`已创建第一个管理员账号：${email}`)
}
