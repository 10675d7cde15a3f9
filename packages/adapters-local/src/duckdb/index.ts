export * from './column-types';
export * from './database';
export * from './errors';
export * from './lake-paths';
export * from './mutex';
export * from './plain-values';
export * from './sql';
