export { readPublishedContent, readPublishedRecords, readPublishedRecordsOf } from './readPublishedRecords'
export { publicCollections, type PublicCollection } from '../collections/contentTypes'
export { PUBLISHED_EXPORT_FILE, publishedExportDirectory, writePublishedExport } from './writePublishedExport'
