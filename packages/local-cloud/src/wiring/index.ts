export * from './load-topology';
export * from './serverless-print';
export * from './topology';
