/** The job queue that keeps Meilisearch in step with published content. */
export const SEARCH_QUEUE = 'search'
export const SYNC_SEARCH_TASK = 'syncSearchRecord'
/** Set in `context` to save without syncing search (bulk imports reindex once at the end instead). */
export const SKIP_SEARCH_SYNC = 'skipSearchSync'
