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
  if (await hasUsers(payload)) return
  try {
    await payload.create({ collection: 'users', data: { email, password, role: 'admin', name: '管理员' }, overrideAccess: true })
  } catch (error) {
    // Instances and the worker started together all find no users; one creation wins and the others' fail on the unique
    // email. Another process having made the account is the outcome wanted, not a reason to stop this one.
    if (await hasUsers(payload)) {
      payload.logger.info(`第一个管理员账号已由另一个同时启动的实例创建：${email}`)
      return
    }
    throw error
  }
  payload.logger.info(`已创建第一个管理员账号：${email}`)
}

async function hasUsers(payload: Payload): Promise<boolean> {
  return (await payload.count({ collection: 'users', overrideAccess: true })).totalDocs > 0
}
