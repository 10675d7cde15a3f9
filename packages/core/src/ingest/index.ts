export * from './ingest-events';
export * from './put-with-retries';
