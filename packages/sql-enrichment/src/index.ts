/** @sluice/sql-enrichment: the stream's SQL step (Glue Studio's SQL Query node), in process. */
export { EnrichmentSqlError } from './errors';
export { loadEnrichmentQueries, queriesFromSqlFiles, readSqlFiles } from './load-queries';
export { buildSqlEnrichment, type EnrichmentQueries } from './sql-enrichment';
