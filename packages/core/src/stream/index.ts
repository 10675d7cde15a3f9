export * from './decode';
export * from './encode';
export * from './masking';
export * from './process-batch';
