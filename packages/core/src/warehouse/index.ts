export * from './load-warehouse';
export * from './schema';
