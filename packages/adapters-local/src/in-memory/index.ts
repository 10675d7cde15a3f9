export * from './in-memory-idempotency-store';
export * from './in-memory-publisher';
export * from './in-memory-stream';
