import type { CollectionConfig } from 'payload'
import { certificateLimits, MAX_SIGNED_TEXT_LENGTH } from '@gongyu/contract'
import { nobody } from '../../access/nobody'
import { createForOwnOrganization, ownOrganizationRecords } from '../../access/organizationRecordAccess'
import { refusePersonalInformation } from '../../hooks/refusePersonalInformation'
import { localizedLabel } from '../../i18n/localizedLabel'
import { assignOwnOrganization } from '../CourseLists/hooks/assignOwnOrganization'
import { checkCourseList } from './hooks/checkCourseList'
import { keepIssuedCertificate } from './hooks/keepIssuedCertificate'
import { queueExportOnRevocation } from './hooks/queueExportOnRevocation'
import { signCertificate } from './hooks/signCertificate'
import { openBadgeEndpoint } from './openBadge/openBadgeEndpoint'
import { printCertificateEndpoint } from './printCertificateEndpoint'
import { validateHours, validateName, validatePeriodEnd } from './validateCertificateFields'

const dayOnly = { date: { pickerAppearance: 'dayOnly' as const, displayFormat: 'yyyy年M月d日' } }
// Filled in by the hooks when the certificate is issued or revoked: the issuance log.
const system = { readOnly: true, position: 'sidebar' as const }

/**
 * 结业证书: signed by the organization's key when issued, checked offline by
 * anyone on the site's verify page (docs/certificates.md). It holds only what
 * is printed; after issue only revocation can change it.
 */
export const Certificates: CollectionConfig = {
  slug: 'certificates',
  labels: { singular: localizedLabel('结业证书', 'Certificate'), plural: localizedLabel('结业证书', 'Certificates') },
  admin: {
    useAsTitle: 'recipientName',
    defaultColumns: ['recipientName', 'programme', 'hours', 'organization', 'issuedAt', 'revoked'],
    group: localizedLabel('证书', 'Certificates'),
    description: localizedLabel(
      '证书只写姓名、项目、学时和时间，不写电话、身份证号或孩子的信息。签发后不能修改；有误请撤销后重新签发。保存后点「预览」打开 A4 打印页（页上也能下载 Open Badges 3.0 文件）。',
      'Only name, programme, hours and period. Issued certificates cannot change; revoke and re-issue instead.',
    ),
    // The admin's 预览 button opens the printable A4 page.
    preview: (doc) => (doc?.id ? `/api/certificates/${doc.id}/print` : null),
  },
  access: { read: ownOrganizationRecords, create: createForOwnOrganization, update: ownOrganizationRecords, delete: nobody },
  versions: { maxPerDoc: 20 },
  endpoints: [printCertificateEndpoint, openBadgeEndpoint],
  hooks: {
    beforeValidate: [assignOwnOrganization, checkCourseList, refusePersonalInformation()],
    beforeChange: [signCertificate, keepIssuedCertificate],
    afterChange: [queueExportOnRevocation],
  },
  fields: [
    {
      name: 'recipientName',
      type: 'text',
      required: true,
      maxLength: certificateLimits.nameLength,
      validate: validateName,
      label: localizedLabel('姓名（按证书上打印的写）', 'Name as printed'),
    },
    {
      name: 'organization',
      type: 'relationship',
      relationTo: 'organizations',
      required: true,
      index: true,
      label: localizedLabel('签发机构', 'Issuing organization'),
    },
    { name: 'courseList', type: 'relationship', relationTo: 'course-lists', required: true, label: localizedLabel('课程清单', 'Course list') },
    {
      name: 'programme',
      type: 'text',
      maxLength: certificateLimits.programmeLength,
      label: localizedLabel('项目名称', 'Programme'),
      admin: { description: localizedLabel('留空时使用课程清单的标题。', 'Empty: the course list’s title.') },
    },
    { name: 'hours', type: 'number', required: true, validate: validateHours, label: localizedLabel('学时', 'Hours') },
    { name: 'periodStart', type: 'date', required: true, label: localizedLabel('学习开始日期', 'Period start'), admin: dayOnly },
    { name: 'periodEnd', type: 'date', required: true, validate: validatePeriodEnd, label: localizedLabel('学习结束日期', 'Period end'), admin: dayOnly },
    { name: 'certificateId', type: 'text', unique: true, label: localizedLabel('证书编号', 'Certificate id'), admin: system },
    { name: 'keyId', type: 'text', label: localizedLabel('签名密钥', 'Signing key'), admin: system },
    {
      name: 'signedText',
      type: 'text',
      maxLength: MAX_SIGNED_TEXT_LENGTH,
      label: localizedLabel('签名数据（二维码内容）', 'Signed data'),
      admin: { readOnly: true },
    },
    { name: 'issuedBy', type: 'relationship', relationTo: 'users', label: localizedLabel('签发人', 'Issued by'), admin: system },
    { name: 'issuedAt', type: 'date', label: localizedLabel('签发时间', 'Issued at'), admin: system },
    { name: 'revoked', type: 'checkbox', defaultValue: false, index: true, label: localizedLabel('撤销这张证书', 'Revoked') },
    { name: 'revocationReason', type: 'textarea', maxLength: 200, label: localizedLabel('撤销原因', 'Reason for revocation') },
    { name: 'revokedBy', type: 'relationship', relationTo: 'users', label: localizedLabel('撤销人', 'Revoked by'), admin: system },
    { name: 'revokedAt', type: 'date', label: localizedLabel('撤销时间', 'Revoked at'), admin: system },
  ],
}
