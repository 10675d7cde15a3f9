export * from './columns';
export * from './keys';
