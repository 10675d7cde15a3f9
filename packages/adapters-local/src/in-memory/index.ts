export * from './in-memory-publisher';
export * from './in-memory-stream';
