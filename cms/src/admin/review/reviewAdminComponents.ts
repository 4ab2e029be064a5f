import type { AdminViewConfig, CustomComponent } from 'payload'

/** The review queue and the signed-in user's drafts, at /admin/review (issue 14). */
export const reviewQueueView: AdminViewConfig = { Component: '/admin/review/ReviewQueueView#ReviewQueueView', path: '/review', exact: true }

/** The menu's link to the review queue. */
export const reviewNavLink: CustomComponent = '/admin/review/ReviewNavLink#ReviewNavLink'

/** A field's error that stays at the field until it is edited, even after a refused draft save. */
export const fieldErrorUntilEdited: CustomComponent = '/admin/review/FieldErrorUntilEdited#FieldErrorUntilEdited'
