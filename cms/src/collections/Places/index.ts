import { placeLimits } from '@gongyu/contract'
import type { CollectionConfig } from 'payload'
import { isContentStaff } from '../../access/isContentStaff'
import { isReviewerOrAdmin } from '../../access/isReviewerOrAdmin'
import { publishedOrContentStaff } from '../../access/publishedOrContentStaff'
import { slugField } from '../../fields/slugField'
import { withFieldErrorsUntilEdited } from '../../fields/withFieldErrorsUntilEdited'
import { workflowFields } from '../../fields/workflowFields'
import { guardPublishing, noteDraftRestore } from '../../hooks/guardPublishing'
import { keepReviewStateTrue } from '../../hooks/keepReviewStateTrue'
import { refusePersonalInformation } from '../../hooks/refusePersonalInformation'
import { uniqueSlug } from '../../hooks/rejectDuplicates'
import { localizedLabel } from '../../i18n/localizedLabel'
import { MAX_VERSIONS_PER_DOCUMENT } from '../contentCollection'
import { placeFields } from './fields'
import { checkLocation } from './hooks/checkLocation'
import { fillPlaceSlug } from './hooks/fillPlaceSlug'
import { queueExportAfterChange, queueExportAfterDelete } from './hooks/queueExportOnPublicChange'
import { importPlacesEndpoint } from './import/importPlacesEndpoint'

/** The slug of the service map's collection: an event's place points here. */
export const PLACES_SLUG = 'places'

/**
 * 服务地图: practice bases, family-education guidance centres and service
 * stations (issue 17). Written by editors and published by reviewers like the
 * course bank; the public phone is the organization's, never a person's
 * (docs/places.md). The list view has a CSV import (import/).
 */
export const Places: CollectionConfig = {
  slug: PLACES_SLUG,
  labels: { singular: localizedLabel('服务地点', 'Place'), plural: localizedLabel('服务地图', 'Places') },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'county', 'township', 'lastCheckedOn', 'reviewState', '_status'],
    listSearchableFields: ['name', 'county', 'township', 'address'],
    group: localizedLabel('服务地图', 'Service map'),
    components: { beforeList: ['/collections/Places/admin/PlacesImportPanel#PlacesImportPanel'] },
  },
  access: {
    read: publishedOrContentStaff,
    readVersions: isContentStaff,
    create: isContentStaff,
    update: isContentStaff,
    delete: isReviewerOrAdmin,
  },
  versions: { drafts: { schedulePublish: true }, maxPerDoc: MAX_VERSIONS_PER_DOCUMENT },
  endpoints: [importPlacesEndpoint],
  hooks: {
    beforeOperation: [noteDraftRestore],
    // Free text (address, hours, services) gets the same personal-information check as lessons: a mobile number there is refused.
    beforeValidate: [fillPlaceSlug, refusePersonalInformation(), checkLocation, uniqueSlug(PLACES_SLUG, '服务地点', 'name')],
    beforeChange: [guardPublishing(['admin', 'reviewer']), keepReviewStateTrue],
    afterChange: [queueExportAfterChange],
    afterDelete: [queueExportAfterDelete],
  },
  fields: withFieldErrorsUntilEdited([
    { name: 'name', type: 'text', required: true, label: localizedLabel('名称', 'Name'), ...placeLimits.name },
    ...placeFields,
    slugField(),
    ...workflowFields(),
  ]),
}
