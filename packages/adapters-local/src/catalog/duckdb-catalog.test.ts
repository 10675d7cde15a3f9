import { join } from 'node:path';
import type { S3ObjectCreated } from '@sluice/contracts';
import { buildRegisterPartitions, columnsOf, PARTITION_COLUMN, type TableDefinition } from '@sluice/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../duckdb/test-support/lake-fixtures';
import { DuckDbCatalog } from './duckdb-catalog';
import { CatalogError, SchemaChangeError } from './errors';

let dir: { path: string; remove: () => Promise<void> };
let dbPath: string;
let catalog: DuckDbCatalog;

const LOCATION = 's3://sluice-lake/curated/session_checked_in/';

function sessionCheckedIn(overrides: Partial<TableDefinition> = {}): TableDefinition {
  return {
    name: 'session_checked_in',
    location: LOCATION,
    columns: columnsOf('SessionCheckedIn'),
    partitionKeys: [PARTITION_COLUMN],
    ...overrides,
  };
}

const partition = (dt: string, table = 'session_checked_in') => ({ table, dt, location: `${LOCATION}dt=${dt}/` });

beforeEach(async () => {
  dir = await temporaryDirectory();
  dbPath = join(dir.path, 'catalog', 'catalog.duckdb');
  catalog = await DuckDbCatalog.open({ dbPath, database: 'sluice' });
});

afterEach(async () => {
  await catalog.close();
  await dir.remove();
});

describe('DuckDbCatalog.ensureTable', () => {
  it('creates a table with its location, columns and partition keys', async () => {
    await catalog.ensureTable(sessionCheckedIn());
    expect(await catalog.getTable('session_checked_in')).toEqual(sessionCheckedIn());
    expect(catalog.database).toBe('sluice');
  });

  it('adds new columns at the end and keeps the ones the contract no longer has', async () => {
    const legacy = { name: 'legacy_flag', type: 'boolean' as const, field: 'legacyFlag' };
    const withoutRoom = columnsOf('SessionCheckedIn').filter((c) => c.name !== 'room');
    await catalog.ensureTable(sessionCheckedIn({ columns: [...withoutRoom, legacy] }));
    await catalog.ensureTable(sessionCheckedIn());
    const room = columnsOf('SessionCheckedIn').find((c) => c.name === 'room');
    expect((await catalog.getTable('session_checked_in'))?.columns).toEqual([...withoutRoom, legacy, room]);
  });

  it('refuses a retype, naming the column and both types, and changes nothing', async () => {
    await catalog.ensureTable(sessionCheckedIn());
    const retyped = columnsOf('SessionCheckedIn').map((c) =>
      c.name === 'schema_version' ? { ...c, type: 'string' as const } : c,
    );
    const extra = { name: 'extra', type: 'string' as const, field: 'extra' };
    const attempt = catalog.ensureTable(sessionCheckedIn({ columns: [...retyped, extra] }));
    await expect(attempt).rejects.toBeInstanceOf(SchemaChangeError);
    await expect(attempt).rejects.toThrow(
      'schema change refused for session_checked_in.schema_version: the catalog has type "int", the contract now says "string"',
    );
    expect((await catalog.getTable('session_checked_in'))?.columns).toEqual(columnsOf('SessionCheckedIn'));
  });
});

describe('DuckDbCatalog partitions', () => {
  beforeEach(async () => {
    await catalog.ensureTable(sessionCheckedIn());
  });

  it('returns how many partitions were new, leaving existing ones untouched', async () => {
    expect(await catalog.addPartitions([partition('2026-11-26'), partition('2026-11-25')])).toBe(2);
    const moved = { ...partition('2026-11-25'), location: 's3://elsewhere/x/' };
    expect(await catalog.addPartitions([moved, partition('2026-11-27'), partition('2026-11-27')])).toBe(1);
    const snapshot = await catalog.snapshot();
    expect(snapshot.tables[0]?.partitions).toEqual([
      { dt: '2026-11-25', location: `${LOCATION}dt=2026-11-25/` },
      { dt: '2026-11-26', location: `${LOCATION}dt=2026-11-26/` },
      { dt: '2026-11-27', location: `${LOCATION}dt=2026-11-27/` },
    ]);
  });

  it('lists dt values sorted, and none for an unknown table', async () => {
    await catalog.addPartitions([partition('2026-12-01'), partition('2026-01-31'), partition('2026-11-25')]);
    expect(await catalog.listPartitions('session_checked_in')).toEqual(['2026-01-31', '2026-11-25', '2026-12-01']);
    expect(await catalog.listPartitions('unknown')).toEqual([]);
  });

  it('refuses partitions of a table that is not in the catalog, registering none of the batch', async () => {
    const attempt = catalog.addPartitions([partition('2026-11-25'), partition('2026-11-25', 'unknown')]);
    await expect(attempt).rejects.toBeInstanceOf(CatalogError);
    await expect(attempt).rejects.toThrow('sluice.unknown');
    expect(await catalog.listPartitions('session_checked_in')).toEqual([]);
  });

  it('keeps tables and partitions across a reopen of the DuckDB file', async () => {
    await catalog.addPartitions([partition('2026-11-25')]);
    await catalog.close();
    catalog = await DuckDbCatalog.open({ dbPath, database: 'sluice' });
    expect(await catalog.getTable('session_checked_in')).toEqual(sessionCheckedIn());
    expect(await catalog.listPartitions('session_checked_in')).toEqual(['2026-11-25']);
  });
});

describe('DuckDbCatalog behind the register-partitions use case', () => {
  it('registers the table and the partition of a curated object, once', async () => {
    const registerPartitions = buildRegisterPartitions({ catalog });
    const created: S3ObjectCreated = {
      version: '0',
      id: 'e1',
      'detail-type': 'Object Created',
      source: 'aws.s3',
      account: '000000000000',
      time: '2026-11-25T10:00:00Z',
      region: 'us-east-1',
      resources: ['arn:aws:s3:::sluice-lake'],
      detail: {
        version: '0',
        bucket: { name: 'sluice-lake' },
        object: { key: 'curated/session_checked_in/dt=2026-11-25/shardId-0-1-2.parquet', sequencer: '01' },
        'request-id': 'r',
        requester: '000000000000',
        reason: 'PutObject',
      },
    };
    expect((await registerPartitions([created])).registration.newPartitions).toBe(1);
    expect((await registerPartitions([created])).registration.newPartitions).toBe(0);
    expect(await catalog.getTable('session_checked_in')).toEqual(sessionCheckedIn());
    expect(await catalog.listPartitions('session_checked_in')).toEqual(['2026-11-25']);
  });
});
