export * from './domain-events';
export * from './lambda-events';
export * from './serverless-package';
