import type { CollectionConfig } from 'payload'
import { adminOrSelf } from '../../access/adminOrSelf'
import { isAdmin } from '../../access/isAdmin'
import { isAdminField } from '../../access/isAdminField'
import { localizedLabel } from '../../i18n/localizedLabel'
import { defaultRole } from './defaultRole'
import { defaultName } from './hooks/defaultName'
import { equalizeLoginTiming } from './hooks/equalizeLoginTiming'
import { keepAdminRole, keepLastAdmin } from './hooks/keepLastAdmin'
import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'
import { requireOrganizationForOrgAdmin } from './hooks/requireOrganizationForOrgAdmin'

/** The roles a staff account can have, with what each may do. */
export const userRoles = [
  { code: 'admin', label: '管理员' },
  { code: 'editor', label: '课程专家（编辑）' },
  { code: 'reviewer', label: '审核' },
  { code: 'org-admin', label: '机构管理员' },
] as const

/** Staff accounts. Parents never sign in: the public site needs no account. */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: localizedLabel('用户', 'User'), plural: localizedLabel('用户', 'Users') },
  // No account lockout: anyone could lock the admin out with ten wrong passwords. Guessing is
  // throttled per client instead, in front of the API (`http/guardApiRequest.ts`).
  auth: {
    // No account lockout: per-client throttling in cms/src/http/loginThrottle.ts stops guessing without letting anyone lock the admin out.
    maxLoginAttempts: 0,
    // Payload's per-user reset interval writes outside the request's open transaction, which deadlocks SQLite's
    // single writer ("database is locked" after 15 s); the per-client throttle limits reset requests instead.
    forgotPassword: { minRequestInterval: 0 },
  },
  // Titled by name, so lists, pickers and review notes say who, not an address or an id.
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'email', 'role', 'organization'], group: localizedLabel('系统', 'System') },
  access: { read: adminOrSelf, create: isAdmin, update: adminOrSelf, delete: isAdmin, admin: ({ req }) => Boolean(req.user) },
  hooks: {
    beforeOperation: [equalizeLoginTiming],
    // The first account's role is settled before the org-admin check reads it.
    beforeValidate: [makeFirstUserAdmin, defaultName, requireOrganizationForOrgAdmin],
    beforeChange: [keepAdminRole],
    beforeDelete: [keepLastAdmin],
  },
  fields: [
    { name: 'name', type: 'text', label: localizedLabel('姓名', 'Name') },
    {
      name: 'role',
      type: 'select',
      required: true,
      defaultValue: defaultRole,
      saveToJWT: true,
      label: localizedLabel('角色', 'Role'),
      options: userRoles.map((role) => ({ value: role.code, label: localizedLabel(role.label, role.code) })),
      // Only an admin gives or changes roles; the first account is made an admin by makeFirstUserAdmin.
      access: { create: isAdminField, update: isAdminField },
    },
    {
      name: 'organization',
      type: 'relationship',
      relationTo: 'organizations',
      saveToJWT: true,
      label: localizedLabel('所属机构', 'Organization'),
      admin: { description: localizedLabel('机构管理员必填：只能管理本机构的课程清单。', 'Required for org-admins.') },
      access: { create: isAdminField, update: isAdminField },
    },
  ],
}
