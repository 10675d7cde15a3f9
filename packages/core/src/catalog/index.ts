export * from './partition-projection';
export * from './register-partitions';
export * from './table-policy';
