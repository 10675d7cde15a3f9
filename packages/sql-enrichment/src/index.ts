/** @sluice/sql-enrichment: the stream's SQL step (Glue Studio's SQL Query node), in process. */
export { EnrichmentSqlError } from './errors';
export { loadEnrichmentQueries } from './load-queries';
export { buildSqlEnrichment, type EnrichmentQueries } from './sql-enrichment';
