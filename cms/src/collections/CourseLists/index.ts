import type { CollectionConfig } from 'payload'
import { createCourseLists, manageOwnCourseLists, readCourseListVersions, readCourseLists } from '../../access/courseListAccess'
import { slugField } from '../../fields/slugField'
import { assignOwnOrganization } from './hooks/assignOwnOrganization'
import { checkSessions } from './hooks/checkSessions'
import { printSessionSheetEndpoint, sessionSheetsIndexEndpoint } from './printSessionSheetEndpoint'
import { sessionField } from './sessionField'
import { fillSlug } from '../../hooks/fillSlug'
import { guardPublishing } from '../../hooks/guardPublishing'
import { refusePersonalInformation } from '../../hooks/refusePersonalInformation'
import { uniqueSlug } from '../../hooks/rejectDuplicates'
import { localizedLabel } from '../../i18n/localizedLabel'
import { ownerOrganizationField } from '../../fields/ownerOrganizationField'

/** 课程清单: an organization's curated, ordered plan of lessons and micro-lessons. */
export const CourseLists: CollectionConfig = {
  slug: 'course-lists',
  labels: { singular: localizedLabel('课程清单', 'Course list'), plural: localizedLabel('课程清单', 'Course lists') },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'organization', '_status'],
    group: localizedLabel('机构与清单', 'Organizations'),
    // The 预览 button opens the list's session check-in sheets (issue 16), for printing.
    preview: (doc) => (doc?.id ? `/api/course-lists/${doc.id}/sessions` : null),
  },
  access: {
    read: readCourseLists,
    readVersions: readCourseListVersions,
    create: createCourseLists,
    update: manageOwnCourseLists,
    delete: manageOwnCourseLists,
  },
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
  endpoints: [sessionSheetsIndexEndpoint, printSessionSheetEndpoint],
  hooks: {
    beforeValidate: [fillSlug, assignOwnOrganization, refusePersonalInformation(), checkSessions, uniqueSlug('course-lists', '课程清单')],
    beforeChange: [guardPublishing(['admin', 'org-admin'])],
  },
  fields: [
    { name: 'title', type: 'text', required: true, label: localizedLabel('标题', 'Title') },
    ownerOrganizationField(),
    { name: 'description', type: 'textarea', label: localizedLabel('说明', 'Description') },
    {
      name: 'items',
      type: 'array',
      label: localizedLabel('课程', 'Items'),
      labels: { singular: localizedLabel('课程', 'Item'), plural: localizedLabel('课程', 'Items') },
      fields: [
        {
          name: 'resource',
          type: 'relationship',
          relationTo: ['lessons', 'micro-lessons'],
          required: true,
          label: localizedLabel('课程或微课', 'Lesson or micro-lesson'),
        },
        { name: 'date', type: 'date', label: localizedLabel('日期（可选）', 'Date (optional)'), admin: { date: { pickerAppearance: 'dayOnly' } } },
        { name: 'note', type: 'text', label: localizedLabel('备注', 'Note') },
        sessionField,
      ],
    },
    {
      name: 'attendance',
      type: 'ui',
      label: localizedLabel('出勤统计', 'Attendance'),
      admin: { components: { Field: '/collections/CourseLists/admin/AttendanceSummary#AttendanceSummary' } },
    },
    slugField(),
  ],
}
