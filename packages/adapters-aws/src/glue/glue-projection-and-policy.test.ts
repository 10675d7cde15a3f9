import {
  BatchCreatePartitionCommand,
  CreateTableCommand,
  EntityNotFoundException,
  GetPartitionCommand,
  GetTableCommand,
  GlueClient,
  type Table,
  UpdateTableCommand,
} from '@aws-sdk/client-glue';
import { PARTITION_COLUMN, partitionProjectionParameters, type TableDefinition } from '@sluice/core';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SchemaChangeError } from '../errors';
import { buildGlueCatalog } from './glue-catalog';

const glue = mockClient(GlueClient);
const catalog = buildGlueCatalog(new GlueClient({ region: 'eu-west-1' }), { database: 'sluice' });
const LOCATION = 's3://sluice-lake/curated/attendee_registered/';
const PROJECTION = partitionProjectionParameters({ location: LOCATION, startDate: '2025-01-01' });

const table = (overrides: Partial<TableDefinition> = {}): TableDefinition => ({
  name: 'attendee_registered',
  location: LOCATION,
  columns: [
    { name: 'event_id', type: 'string', field: 'eventId' },
    { name: 'price', type: 'double', field: 'price' },
  ],
  partitionKeys: [PARTITION_COLUMN],
  ...overrides,
});

function stored(parameters: Record<string, string>, columns = [{ Name: 'event_id', Type: 'string' }]): Table {
  return {
    Name: 'attendee_registered',
    DatabaseName: 'sluice',
    VersionId: '7',
    TableType: 'EXTERNAL_TABLE',
    Parameters: parameters,
    PartitionKeys: [{ Name: 'dt', Type: 'string' }],
    StorageDescriptor: { Location: LOCATION, Columns: columns },
  };
}

beforeEach(() => glue.reset());

describe('partition projection', () => {
  it('generates the date projection properties of the dt partition from config', () => {
    expect(PROJECTION).toEqual({
      'projection.enabled': 'true',
      'projection.dt.type': 'date',
      'projection.dt.range': '2025-01-01,NOW',
      'projection.dt.format': 'yyyy-MM-dd',
      'projection.dt.interval': '1',
      'projection.dt.interval.unit': 'DAYS',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Athena's location template, not a JS template
      'storage.location.template': 's3://sluice-lake/curated/attendee_registered/dt=${dt}/',
    });
    expect(() => partitionProjectionParameters({ location: LOCATION, startDate: '25-01-01' })).toThrow(/YYYY-MM-DD/);
  });

  it('creates a projected table with the properties next to its classification', async () => {
    glue.on(GetTableCommand).rejects(new EntityNotFoundException({ message: 'not found', $metadata: {} }));
    glue.on(CreateTableCommand).resolves({});

    await catalog.ensureTable(table({ parameters: PROJECTION }));

    expect(glue.commandCalls(CreateTableCommand)[0]?.args[0].input.TableInput?.Parameters).toEqual({
      classification: 'parquet',
      ...PROJECTION,
    });
  });

  it('turns projection on for an existing table with UpdateTable, and then changes nothing', async () => {
    glue.on(GetTableCommand).resolvesOnce({ Table: stored({ classification: 'parquet' }) });
    glue.on(UpdateTableCommand).resolves({});
    await catalog.ensureTable(table({ columns: table().columns.slice(0, 1), parameters: PROJECTION }));
    expect(glue.commandCalls(UpdateTableCommand)[0]?.args[0].input).toMatchObject({
      VersionId: '7',
      TableInput: { Parameters: { classification: 'parquet', ...PROJECTION } },
    });

    glue.reset();
    glue.on(GetTableCommand).resolves({ Table: stored({ classification: 'parquet', ...PROJECTION }) });
    await catalog.ensureTable(table({ columns: table().columns.slice(0, 1), parameters: PROJECTION }));
    expect(glue.commandCalls(UpdateTableCommand)).toHaveLength(0);
  });

  it('skips BatchCreatePartition for a table in projection mode', async () => {
    glue.on(GetTableCommand).resolves({ Table: stored({ classification: 'parquet', ...PROJECTION }) });

    const created = await catalog.addPartitions([
      { table: 'attendee_registered', dt: '2026-11-25', location: `${LOCATION}dt=2026-11-25/` },
    ]);

    expect(created).toBe(0);
    expect(glue.commandCalls(BatchCreatePartitionCommand)).toHaveLength(0);
  });
});

describe('schema-change policy and partition lookups', () => {
  it('version: a retyped column gets <name>_v2 with the new type; quarantine refuses it', async () => {
    const current = [
      { Name: 'event_id', Type: 'string' },
      { Name: 'price', Type: 'double' },
    ];
    glue.on(GetTableCommand).resolves({ Table: stored({ classification: 'parquet' }, current) });
    glue.on(UpdateTableCommand).resolves({});
    const retyped = table().columns.map((c) => (c.name === 'price' ? { ...c, type: 'string' as const } : c));

    await expect(catalog.ensureTable(table({ columns: retyped }))).rejects.toThrow(SchemaChangeError);
    await catalog.ensureTable(table({ columns: retyped, onTypeChange: 'version' }));

    expect(glue.commandCalls(UpdateTableCommand)[0]?.args[0].input.TableInput?.StorageDescriptor?.Columns).toEqual([
      ...current,
      { Name: 'price_v2', Type: 'string' },
    ]);
  });

  it('hasPartition asks GetPartition, and a missing partition or table is false', async () => {
    glue
      .on(GetPartitionCommand, { PartitionValues: ['2026-11-25'] })
      .resolves({ Partition: { Values: ['2026-11-25'] } })
      .on(GetPartitionCommand, { PartitionValues: ['2026-11-26'] })
      .rejects(new EntityNotFoundException({ message: 'Partition not found', $metadata: {} }));

    expect(await catalog.hasPartition('attendee_registered', '2026-11-25')).toBe(true);
    expect(await catalog.hasPartition('attendee_registered', '2026-11-26')).toBe(false);
    expect(glue.commandCalls(GetPartitionCommand)[0]?.args[0].input).toEqual({
      DatabaseName: 'sluice',
      TableName: 'attendee_registered',
      PartitionValues: ['2026-11-25'],
    });
  });
});
