import { ValidationError } from './errors';
import type { PutRecordsEntry } from './store-types';

/** Limits of the Kinesis API that this endpoint enforces, as documented for PutRecord(s). */
export const KINESIS_LIMITS = {
  maxRecordsPerPut: 500,
  /** Data plus partition key of one record. */
  maxRecordBytes: 1024 * 1024,
  /** Data plus partition keys of a whole PutRecords request. */
  maxPutRecordsBytes: 5 * 1024 * 1024,
  maxPartitionKeyLength: 256,
  maxGetRecordsLimit: 10_000,
  /** GetRecords stops adding records beyond this many data bytes (it always returns at least one). */
  maxGetRecordsBytes: 10 * 1024 * 1024,
  retentionPeriodHours: 24,
} as const;

export const STREAM_NAME_PATTERN = /^[a-zA-Z0-9_.-]{1,128}$/;

/** Formats constraint violations the way the Kinesis API does. */
export function validationError(violations: readonly string[]): ValidationError {
  const count = violations.length;
  return new ValidationError(`${count} validation error${count === 1 ? '' : 's'} detected: ${violations.join('; ')}`);
}

/** One violation: "Value 'x' at 'path' failed to satisfy constraint: Member must …". */
export function violation(value: unknown, path: string, constraint: string): string {
  const shown = value === undefined || value === null ? 'null' : `'${String(value)}'`;
  return `Value ${shown} at '${path}' failed to satisfy constraint: ${constraint}`;
}

/**
 * Checks a PutRecords batch against the documented limits. `memberPath` names a record's field the way
 * the error message should (PutRecords: `records.1.member.partitionKey`; PutRecord: `partitionKey`).
 */
export function checkPutRecordsLimits(
  records: readonly PutRecordsEntry[],
  memberPath: (index: number, member: string) => string = (index, member) => `records.${index + 1}.member.${member}`,
): void {
  const violations: string[] = [];
  if (records.length < 1 || records.length > KINESIS_LIMITS.maxRecordsPerPut) {
    violations.push(
      violation(
        `${records.length} records`,
        'records',
        records.length < 1
          ? 'Member must have length greater than or equal to 1'
          : `Member must have length less than or equal to ${KINESIS_LIMITS.maxRecordsPerPut}`,
      ),
    );
  }
  let requestBytes = 0;
  records.forEach((record, index) => {
    const keyLength = record.partitionKey.length;
    if (keyLength < 1) {
      violations.push(
        violation('', memberPath(index, 'partitionKey'), 'Member must have length greater than or equal to 1'),
      );
    } else if (keyLength > KINESIS_LIMITS.maxPartitionKeyLength) {
      violations.push(
        violation(
          record.partitionKey,
          memberPath(index, 'partitionKey'),
          `Member must have length less than or equal to ${KINESIS_LIMITS.maxPartitionKeyLength}`,
        ),
      );
    }
    const recordBytes = record.data.byteLength + Buffer.byteLength(record.partitionKey, 'utf8');
    if (recordBytes > KINESIS_LIMITS.maxRecordBytes) {
      violations.push(
        violation(
          `${recordBytes} bytes`,
          memberPath(index, 'data'),
          `Member must have length less than or equal to ${KINESIS_LIMITS.maxRecordBytes} (data and partition key together)`,
        ),
      );
    }
    requestBytes += recordBytes;
  });
  if (requestBytes > KINESIS_LIMITS.maxPutRecordsBytes) {
    violations.push(
      violation(
        `${requestBytes} bytes`,
        'records',
        `Member must have total size (data and partition keys) less than or equal to ${KINESIS_LIMITS.maxPutRecordsBytes}`,
      ),
    );
  }
  if (violations.length > 0) throw validationError(violations);
}
