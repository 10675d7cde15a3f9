export * from './catalog';
export * from './event-publisher';
export * from './lake-query';
export * from './object-store';
export * from './stream';
export * from './warehouse';
