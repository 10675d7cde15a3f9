import { SluiceError } from '@sluice/core';

/**
 * Base of the AWS adapters' errors. Expected outcomes (a partial PutRecords failure, a partition that
 * exists already) are values; these are the unexpected ones, thrown so the edge decides retry vs. quarantine.
 */
export class AwsAdapterError extends SluiceError {}

/**
 * A contract change the catalog or the warehouse refuses: a column that exists with another type. Columns
 * are added, never retyped in place (older files and rows keep the old type).
 */
export class SchemaChangeError extends AwsAdapterError {
  constructor(
    readonly table: string,
    readonly column: string,
    readonly existingType: string,
    readonly contractType: string,
    readonly where: 'catalog' | 'warehouse' = 'catalog',
  ) {
    super(
      'SCHEMA_CHANGE',
      `schema change refused for ${table}.${column}: the ${where} has type "${existingType}", the contract now says ` +
        `"${contractType}"; columns are never retyped in place (add a new column instead)`,
    );
  }
}

/** `query` was given something other than one read-only statement. */
export class ReadOnlyQueryError extends AwsAdapterError {
  constructor(message: string) {
    super('READ_ONLY_QUERY', message);
  }
}

/** The Glue Data Catalog refused a table or partition operation. */
export class CatalogError extends AwsAdapterError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CATALOG', message, options);
  }
}

/** EventBridge did not accept every entry, even after retrying the failed ones. */
export class EventPublishError extends AwsAdapterError {
  constructor(
    readonly failures: readonly { detailType: string; errorCode: string; errorMessage: string }[],
    attempts: number,
  ) {
    const listed = failures.map((f) => `${f.detailType}: ${f.errorCode} (${f.errorMessage})`).join('; ');
    super(
      'EVENT_PUBLISH',
      `${failures.length} event(s) not accepted by EventBridge after ${attempts} attempts: ${listed}`,
    );
  }
}

/** A Redshift Data API statement ended FAILED or ABORTED. */
export class WarehouseStatementError extends AwsAdapterError {
  constructor(
    readonly statementId: string,
    readonly status: string,
    readonly statementError: string,
    readonly sqlFirstLine: string,
  ) {
    super('WAREHOUSE_STATEMENT', `Redshift statement ${status}: ${statementError} (statement: ${sqlFirstLine})`);
  }
}

/** An Athena query ended FAILED or CANCELLED. */
export class LakeQueryError extends AwsAdapterError {
  constructor(
    readonly queryExecutionId: string,
    readonly state: string,
    readonly reason: string,
  ) {
    super('LAKE_QUERY', `Athena query ${queryExecutionId} ${state}: ${reason}`);
  }
}

/** A statement or query still running when the adapter's timeout ran out; it is asked to stop. */
export class QueryTimeoutError extends AwsAdapterError {
  constructor(
    readonly service: 'Redshift Data API' | 'Athena',
    readonly id: string,
    readonly timeoutMs: number,
    /** Why asking the service to stop the statement failed, if it did. */
    cancelError?: unknown,
  ) {
    const cancelled =
      cancelError === undefined
        ? 'it was cancelled'
        : `cancelling it failed too: ${cancelError instanceof Error ? cancelError.message : String(cancelError)}`;
    super('QUERY_TIMEOUT', `${service} statement ${id} did not finish within ${timeoutMs} ms; ${cancelled}`, {
      cause: cancelError,
    });
  }
}

/** An AWS response lacked something the API reference says it returns. */
export class UnexpectedResponseError extends AwsAdapterError {
  constructor(message: string) {
    super('UNEXPECTED_RESPONSE', message);
  }
}
