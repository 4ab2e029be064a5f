import type { Field } from 'payload'
import { isContentStaffField } from '../access/isContentStaffField'
import { hasRole } from '../access/roles'
import { localizedLabel } from '../i18n/localizedLabel'

/** Review states an item moves through before a reviewer publishes it. */
export const reviewStates = [
  { code: 'writing', label: '编写中' },
  { code: 'in-review', label: '待审核' },
  { code: 'changes-requested', label: '退回修改' },
  { code: 'approved', label: '审核通过' },
] as const

export type ReviewState = (typeof reviewStates)[number]['code']

/** Editors may only move an item between writing and in-review; reviewers decide the rest. */
export const editorReviewStates: readonly ReviewState[] = ['writing', 'in-review']

// Set by keepReviewStateTrue only: nobody types who created or submitted an item.
const setByHooks = { read: isContentStaffField, create: () => false, update: () => false }

/** The review state, the reviewer's note and who created and submitted the item, shown in the sidebar. */
export const workflowFields = (): Field[] => [
  {
    name: 'reviewState',
    type: 'select',
    label: localizedLabel('审核状态', 'Review state'),
    defaultValue: 'writing',
    required: true,
    // Review state and notes are internal editorial talk, never public.
    access: { read: isContentStaffField },
    options: reviewStates.map((state) => ({ value: state.code, label: localizedLabel(state.label, state.code) })),
    admin: {
      position: 'sidebar',
      description: localizedLabel('编辑写完后改为「待审核」并保存草稿；审核人员通过后发布。', 'Editors set “in review”; reviewers approve and publish.'),
    },
  },
  {
    name: 'reviewNote',
    type: 'textarea',
    label: localizedLabel('审核意见', 'Review note'),
    access: { read: isContentStaffField, update: ({ req }) => hasRole(req.user, 'admin', 'reviewer') },
    admin: {
      position: 'sidebar',
      description: localizedLabel('退回修改时写明要改什么，编辑会在这里看到。', 'What to change, when sending an item back.'),
    },
  },
  {
    name: 'submittedBy',
    type: 'relationship',
    relationTo: 'users',
    label: localizedLabel('提交人', 'Submitted by'),
    access: setByHooks,
    admin: { position: 'sidebar', readOnly: true },
  },
  {
    name: 'submittedAt',
    type: 'date',
    label: localizedLabel('提交审核时间', 'Submitted at'),
    access: setByHooks,
    admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy年M月d日 HH:mm' } },
  },
  {
    name: 'createdBy',
    type: 'relationship',
    relationTo: 'users',
    label: localizedLabel('创建人', 'Created by'),
    access: setByHooks,
    admin: { position: 'sidebar', readOnly: true },
  },
]
