import type { PayloadRequest } from 'payload'

/**
 * The role a new account starts with: editor, except for the very first
 * account, which the create-first-user form must show as 管理员 (the server
 * makes it an admin in any case: hooks/makeFirstUserAdmin.ts).
 */
export async function defaultRole({ req, user }: { req: PayloadRequest; user: PayloadRequest['user'] }): Promise<string> {
  if (user) return 'editor'
  const { totalDocs } = await req.payload.count({ collection: 'users', overrideAccess: true, req })
  return totalDocs === 0 ? 'admin' : 'editor'
}
