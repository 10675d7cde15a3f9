import { SluiceError } from '@sluice/core';

/** A file to load is not in the lake (the local object store keeps key K at `<lakeRoot>/K`). */
export class LakeObjectNotFoundError extends SluiceError {
  constructor(
    readonly objectKey: string,
    readonly path: string,
  ) {
    super('LAKE_OBJECT_NOT_FOUND', `cannot load "${objectKey}": no such object in the lake (looked for ${path})`);
  }
}

/** A file names a table that is not one of the warehouse's fact tables. */
export class UnknownFactTableError extends SluiceError {
  constructor(
    readonly table: string,
    readonly objectKey: string,
    knownTables: readonly string[],
  ) {
    super(
      'UNKNOWN_FACT_TABLE',
      `cannot load "${objectKey}": "${table}" is not a fact table (known: ${knownTables.join(', ')})`,
    );
  }
}

/** The contract asks for a change the warehouse's migrations never make on their own (a retype). */
export class WarehouseSchemaError extends SluiceError {
  constructor(message: string) {
    super('WAREHOUSE_SCHEMA', message);
  }
}

/**
 * A file carries a column with another type than the warehouse's, and the table's schema-change policy is
 * `quarantine`: the load fails (the state machine records the object for redrive) rather than cast or drop.
 */
export class SchemaChangeQuarantinedError extends SluiceError {
  constructor(
    readonly table: string,
    readonly column: string,
    readonly warehouseType: string,
    readonly fileType: string,
    readonly objectKey: string,
  ) {
    super(
      'SCHEMA_CHANGE_QUARANTINED',
      `cannot load "${objectKey}" into ${table}: column "${column}" is ${warehouseType} in the warehouse but ` +
        `${fileType} in the file; the table's schema-change policy is "quarantine" (set it to "version" to load ` +
        `the new type into "${column}_v2", or redrive the object after a migration)`,
    );
  }
}
