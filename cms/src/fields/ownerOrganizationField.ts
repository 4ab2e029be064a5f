import type { RelationshipField } from 'payload'
import { hasRole } from '../access/roles'
import { localizedLabel } from '../i18n/localizedLabel'

/** The organization that owns a document (course list, survey): set on create, moved to another only by an admin. */
export function ownerOrganizationField(): RelationshipField {
  return {
    name: 'organization',
    type: 'relationship',
    relationTo: 'organizations',
    required: true,
    index: true,
    label: localizedLabel('机构', 'Organization'),
    access: { update: ({ req }) => hasRole(req.user, 'admin') },
  }
}
