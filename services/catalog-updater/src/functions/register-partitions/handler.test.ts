import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbCatalog } from '@sluice/adapters-local';
import { s3ObjectCreated } from '@sluice/testing';
import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createHandler } from './handler';

const context = {} as Context;

async function setup() {
  const catalog = await DuckDbCatalog.open({
    dbPath: join(mkdtempSync(join(tmpdir(), 'sluice-catalog-')), 'catalog.duckdb'),
    database: 'sluice_test',
  });
  return {
    catalog,
    handler: createHandler(
      async () => ({ catalog }),
      () => {},
    ),
  };
}

describe('registerPartitions handler', () => {
  it('creates the table with the contract columns and registers the object date partition once', async () => {
    const { catalog, handler } = await setup();
    const key = 'curated/attendee_registered/dt=2026-11-25/shardId-000000000000-1-9.parquet';

    const first = (await handler(s3ObjectCreated('lake', key), context)).registration;
    const again = (await handler(s3ObjectCreated('lake', key.replace('-1-9', '-10-20')), context)).registration;

    expect(first).toMatchObject({
      database: 'sluice_test',
      mode: 'direct',
      newPartitions: 1,
      partitions: [
        {
          table: 'attendee_registered',
          dt: '2026-11-25',
          location: 's3://lake/curated/attendee_registered/dt=2026-11-25/',
        },
      ],
    });
    expect(again.newPartitions).toBe(0);
    expect(await catalog.listPartitions('attendee_registered')).toEqual(['2026-11-25']);
    const table = await catalog.getTable('attendee_registered');
    expect(table?.columns.map((c) => c.name)).toEqual(
      expect.arrayContaining(['event_id', 'email', 'country', 'occurred_at']),
    );
  });

  it('ignores objects outside the curated zone and rejects events that are not Object Created', async () => {
    const { handler } = await setup();
    const { registration } = await handler(s3ObjectCreated('lake', 'quarantine/dt=2026-11-25/x.ndjson'), context);
    expect(registration.partitions).toEqual([]);
    await expect(handler({ source: 'aws.s3' }, context)).rejects.toThrow(/detail-type/);
  });
});
