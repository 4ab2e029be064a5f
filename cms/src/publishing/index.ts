export { readPublishedContent, readPublishedRecords, readPublishedRecordsOf } from './readPublishedRecords'
export { publicCollections, type PublicCollection } from './toPublicRecord'
export { PUBLISHED_EXPORT_FILE, publishedExportDirectory, writePublishedExport } from './writePublishedExport'
