export * from './columns';
export * from './compaction';
export * from './keys';
