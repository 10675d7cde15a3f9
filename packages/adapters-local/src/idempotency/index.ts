export * from './file-idempotency-store';
