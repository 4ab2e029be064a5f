import type { CollectionConfig } from 'payload'
import { signatureAlgorithms } from '@gongyu/contract'
import { nobody } from '../../access/nobody'
import { createForOwnOrganization, ownOrganizationRecords } from '../../access/organizationRecordAccess'
import { localizedLabel } from '../../i18n/localizedLabel'
import { assignOwnOrganization } from '../CourseLists/hooks/assignOwnOrganization'
import { generateKeyPair } from './hooks/generateKeyPair'
import { keepKeyMaterial } from './hooks/keepKeyMaterial'
import { retireOtherKeys } from './hooks/retireOtherKeys'
import { SIGNING_KEY_STATUSES } from './signingKeyStatus'

/**
 * 签名密钥: an organization's keys for signing certificates (docs/certificates.md).
 * The private key is made on the server, stored encrypted and never sent
 * anywhere; the public key and id are published with the site. Keys are
 * never deleted: a retired key still checks the certificates it signed.
 */
export const SigningKeys: CollectionConfig = {
  slug: 'signing-keys',
  labels: { singular: localizedLabel('签名密钥', 'Signing key'), plural: localizedLabel('签名密钥', 'Signing keys') },
  admin: {
    useAsTitle: 'keyId',
    defaultColumns: ['keyId', 'organization', 'status', 'createdAt'],
    group: localizedLabel('证书', 'Certificates'),
    description: localizedLabel(
      '新建一个密钥会自动停用本机构原来的密钥；原来签发的证书仍然有效。只有密钥泄露时才选「已作废」，那样它签发的证书都将无法验证。',
      'A new key retires the old one; certificates it signed stay valid. Revoke a key only if it leaked.',
    ),
  },
  access: { read: ownOrganizationRecords, create: createForOwnOrganization, update: ownOrganizationRecords, delete: nobody },
  hooks: {
    beforeValidate: [assignOwnOrganization],
    beforeChange: [generateKeyPair, keepKeyMaterial],
    afterChange: [retireOtherKeys],
  },
  fields: [
    {
      name: 'organization',
      type: 'relationship',
      relationTo: 'organizations',
      required: true,
      index: true,
      label: localizedLabel('机构', 'Organization'),
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'active',
      index: true,
      label: localizedLabel('状态', 'Status'),
      options: SIGNING_KEY_STATUSES.map((status) => ({ value: status.code, label: localizedLabel(status.label, status.englishLabel) })),
    },
    {
      name: 'algorithm',
      type: 'select',
      defaultValue: 'ed25519',
      label: localizedLabel('签名算法', 'Algorithm'),
      options: signatureAlgorithms.map((algorithm) => ({ value: algorithm, label: algorithm === 'ed25519' ? 'Ed25519' : algorithm })),
      admin: { readOnly: true },
    },
    { name: 'keyId', type: 'text', unique: true, label: localizedLabel('密钥编号', 'Key id'), admin: { readOnly: true } },
    { name: 'publicKey', type: 'text', label: localizedLabel('公钥', 'Public key'), admin: { readOnly: true } },
    {
      // Never readable through any API or the admin; only the signing code reads it, with overrideAccess.
      name: 'encryptedPrivateKey',
      type: 'text',
      hidden: true,
      access: { read: () => false, create: () => false, update: () => false },
    },
  ],
}
