export * from './backfill';
export * from './load-warehouse';
export * from './schema';
