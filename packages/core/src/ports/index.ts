export * from './catalog';
export * from './enrichment';
export * from './event-publisher';
export * from './idempotency';
export * from './lake-query';
export * from './object-store';
export * from './stream';
export * from './warehouse';
