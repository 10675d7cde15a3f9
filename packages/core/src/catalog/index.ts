export * from './register-partitions';
