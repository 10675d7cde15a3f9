export * from './domain-events';
export * from './idempotency-store-contract';
export * from './lambda-events';
export * from './least-privilege';
export * from './serverless-package';
