import { SluiceError } from '@sluice/core';

/**
 * A contract change the catalog refuses: a column that exists with another type (never retyped in place).
 * Same code and message as the Glue adapter's, so both behave alike under the shared contract tests.
 */
export class SchemaChangeError extends SluiceError {
  constructor(
    readonly table: string,
    readonly column: string,
    readonly catalogType: string,
    readonly contractType: string,
  ) {
    super(
      'SCHEMA_CHANGE',
      `schema change refused for ${table}.${column}: the catalog has type "${catalogType}", the contract now says ` +
        `"${contractType}"; columns are never retyped in place (add a new column instead)`,
    );
  }
}

/** A catalog operation that cannot be done as asked (partitions of a table that is not in the catalog). */
export class CatalogError extends SluiceError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CATALOG', message, options);
  }
}
