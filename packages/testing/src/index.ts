export * from './domain-events';
export * from './lambda-events';
export * from './least-privilege';
export * from './serverless-package';
