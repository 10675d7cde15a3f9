import {
  AlreadyExistsException,
  BatchCreatePartitionCommand,
  CreateTableCommand,
  EntityNotFoundException,
  GetPartitionsCommand,
  GetTableCommand,
  GlueClient,
  type Table,
  UpdateTableCommand,
} from '@aws-sdk/client-glue';
import { columnsOf, PARTITION_COLUMN, type PartitionToRegister, type TableDefinition } from '@sluice/core';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { CatalogError, SchemaChangeError } from '../errors';
import { buildGlueCatalog } from './glue-catalog';

const glue = mockClient(GlueClient);
const catalog = buildGlueCatalog(new GlueClient({ region: 'eu-west-1' }), { database: 'sluice' });

const LOCATION = 's3://sluice-lake/curated/session_checked_in/';
const sessionCheckedIn = (): TableDefinition => ({
  name: 'session_checked_in',
  location: LOCATION,
  columns: columnsOf('SessionCheckedIn'),
  partitionKeys: [PARTITION_COLUMN],
});

const PARQUET_DESCRIPTOR = {
  Location: LOCATION,
  InputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
  OutputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
  SerdeInfo: {
    SerializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe',
    Parameters: { 'serialization.format': '1' },
  },
};

/** A GetTable `Table` as Glue returns it, with the given columns. */
function storedTable(columns: { Name: string; Type: string }[]): Table {
  return {
    Name: 'session_checked_in',
    DatabaseName: 'sluice',
    CatalogId: '111122223333',
    VersionId: '3',
    Owner: 'hadoop',
    CreateTime: new Date('2025-05-01T10:00:00Z'),
    UpdateTime: new Date('2025-05-01T10:00:00Z'),
    Retention: 0,
    TableType: 'EXTERNAL_TABLE',
    Parameters: { classification: 'parquet' },
    PartitionKeys: [{ Name: 'dt', Type: 'string' }],
    StorageDescriptor: { ...PARQUET_DESCRIPTOR, Columns: columns, Compressed: false, NumberOfBuckets: -1 },
    IsRegisteredWithLakeFormation: false,
  };
}

const CURRENT_COLUMNS = [
  { Name: 'event_id', Type: 'string' },
  { Name: 'occurred_at', Type: 'timestamp' },
  { Name: 'attendee_id', Type: 'string' },
  { Name: 'event_type', Type: 'string' },
  { Name: 'schema_version', Type: 'int' },
  { Name: 'session_id', Type: 'string' },
  { Name: 'room', Type: 'string' },
  // Added by the stream's enrichment from reference data (declared in the contract).
  { Name: 'session_title', Type: 'string' },
  { Name: 'session_track', Type: 'string' },
];

const notFound = () =>
  new EntityNotFoundException({ message: 'Table session_checked_in not found.', $metadata: { httpStatusCode: 400 } });

beforeEach(() => glue.reset());

describe('ensureTable', () => {
  it('creates an external Parquet table partitioned by dt when GetTable says EntityNotFoundException', async () => {
    glue.on(GetTableCommand).rejects(notFound()).on(CreateTableCommand).resolves({});

    await catalog.ensureTable(sessionCheckedIn());

    expect(glue.commandCalls(GetTableCommand)[0]?.args[0].input).toEqual({
      DatabaseName: 'sluice',
      Name: 'session_checked_in',
    });
    expect(glue.commandCalls(CreateTableCommand)[0]?.args[0].input).toEqual({
      DatabaseName: 'sluice',
      TableInput: {
        Name: 'session_checked_in',
        TableType: 'EXTERNAL_TABLE',
        Parameters: { classification: 'parquet' },
        PartitionKeys: [{ Name: 'dt', Type: 'string' }],
        StorageDescriptor: { ...PARQUET_DESCRIPTOR, Columns: CURRENT_COLUMNS },
      },
    });
  });

  it('maps every column type to its Glue type', async () => {
    glue.on(GetTableCommand).rejects(notFound()).on(CreateTableCommand).resolves({});

    await catalog.ensureTable({
      name: 'typed',
      location: 's3://sluice-lake/curated/typed/',
      partitionKeys: [PARTITION_COLUMN],
      columns: [
        { name: 's', type: 'string', field: 's' },
        { name: 'd', type: 'double', field: 'd' },
        { name: 'i', type: 'int', field: 'i' },
        { name: 'b', type: 'bigint', field: 'b' },
        { name: 'f', type: 'boolean', field: 'f' },
        { name: 't', type: 'timestamp', field: 't' },
      ],
    });

    expect(glue.commandCalls(CreateTableCommand)[0]?.args[0].input.TableInput?.StorageDescriptor?.Columns).toEqual([
      { Name: 's', Type: 'string' },
      { Name: 'd', Type: 'double' },
      { Name: 'i', Type: 'int' },
      { Name: 'b', Type: 'bigint' },
      { Name: 'f', Type: 'boolean' },
      { Name: 't', Type: 'timestamp' },
    ]);
  });

  it('changes nothing when the table already has every contract column', async () => {
    glue.on(GetTableCommand).resolves({ Table: storedTable(CURRENT_COLUMNS) });

    await catalog.ensureTable(sessionCheckedIn());

    expect(glue.commandCalls(CreateTableCommand)).toHaveLength(0);
    expect(glue.commandCalls(UpdateTableCommand)).toHaveLength(0);
  });

  it('adds a new contract column with UpdateTable, keeping the existing ones (even ones the contract dropped)', async () => {
    const before = [...CURRENT_COLUMNS.filter((c) => c.Name !== 'room'), { Name: 'legacy_flag', Type: 'boolean' }];
    glue
      .on(GetTableCommand)
      .resolves({ Table: storedTable(before) })
      .on(UpdateTableCommand)
      .resolves({});

    await catalog.ensureTable(sessionCheckedIn());

    expect(glue.commandCalls(UpdateTableCommand)[0]?.args[0].input).toEqual({
      DatabaseName: 'sluice',
      VersionId: '3',
      TableInput: {
        Name: 'session_checked_in',
        Owner: 'hadoop',
        Retention: 0,
        TableType: 'EXTERNAL_TABLE',
        Parameters: { classification: 'parquet' },
        PartitionKeys: [{ Name: 'dt', Type: 'string' }],
        StorageDescriptor: {
          ...PARQUET_DESCRIPTOR,
          Compressed: false,
          NumberOfBuckets: -1,
          Columns: [...before, { Name: 'room', Type: 'string' }],
        },
      },
    });
  });

  it('refuses a retype with a SchemaChangeError naming the column, the old and the new type', async () => {
    const retyped = CURRENT_COLUMNS.map((c) => (c.Name === 'schema_version' ? { ...c, Type: 'string' } : c));
    glue.on(GetTableCommand).resolves({ Table: storedTable(retyped) });

    const attempt = catalog.ensureTable(sessionCheckedIn());

    await expect(attempt).rejects.toBeInstanceOf(SchemaChangeError);
    await expect(attempt).rejects.toThrow(
      'schema change refused for session_checked_in.schema_version: the catalog has type "string", the contract now says "int"',
    );
    expect(glue.commandCalls(UpdateTableCommand)).toHaveLength(0);
  });

  it('evolves the table another invocation created in between (CreateTable AlreadyExistsException)', async () => {
    glue
      .on(GetTableCommand)
      .rejectsOnce(notFound())
      .resolves({ Table: storedTable(CURRENT_COLUMNS) })
      .on(CreateTableCommand)
      .rejects(new AlreadyExistsException({ message: 'Table already exists.', $metadata: {} }));

    await catalog.ensureTable(sessionCheckedIn());

    expect(glue.commandCalls(GetTableCommand)).toHaveLength(2);
    expect(glue.commandCalls(UpdateTableCommand)).toHaveLength(0);
  });
});

describe('addPartitions', () => {
  const partition = (dt: string, table = 'session_checked_in'): PartitionToRegister => ({
    table,
    dt,
    location: `s3://sluice-lake/curated/${table}/dt=${dt}/`,
  });

  it('registers partitions with the table storage descriptor and their own location', async () => {
    glue
      .on(GetTableCommand)
      .resolves({ Table: storedTable(CURRENT_COLUMNS) })
      .on(BatchCreatePartitionCommand)
      .resolves({});

    const created = await catalog.addPartitions([partition('2025-05-01'), partition('2025-05-02')]);

    expect(created).toBe(2);
    expect(glue.commandCalls(BatchCreatePartitionCommand)[0]?.args[0].input).toEqual({
      DatabaseName: 'sluice',
      TableName: 'session_checked_in',
      PartitionInputList: ['2025-05-01', '2025-05-02'].map((dt) => ({
        Values: [dt],
        StorageDescriptor: {
          ...PARQUET_DESCRIPTOR,
          Columns: CURRENT_COLUMNS,
          Compressed: false,
          NumberOfBuckets: -1,
          Location: `s3://sluice-lake/curated/session_checked_in/dt=${dt}/`,
        },
      })),
    });
  });

  it('counts AlreadyExistsException entries as already there, not as new', async () => {
    glue
      .on(GetTableCommand)
      .resolves({ Table: storedTable(CURRENT_COLUMNS) })
      .on(BatchCreatePartitionCommand)
      .resolves({
        Errors: [
          {
            PartitionValues: ['2025-05-01'],
            ErrorDetail: { ErrorCode: 'AlreadyExistsException', ErrorMessage: 'Partition already exists.' },
          },
        ],
      });

    expect(await catalog.addPartitions([partition('2025-05-01'), partition('2025-05-02')])).toBe(1);
  });

  it('throws on any other partition error, naming the partition, code and message', async () => {
    glue
      .on(GetTableCommand)
      .resolves({ Table: storedTable(CURRENT_COLUMNS) })
      .on(BatchCreatePartitionCommand)
      .resolves({
        Errors: [
          {
            PartitionValues: ['2025-05-02'],
            ErrorDetail: {
              ErrorCode: 'ResourceNumberLimitExceededException',
              ErrorMessage: 'Partition limit reached.',
            },
          },
        ],
      });

    const attempt = catalog.addPartitions([partition('2025-05-01'), partition('2025-05-02')]);

    await expect(attempt).rejects.toBeInstanceOf(CatalogError);
    await expect(attempt).rejects.toThrow(
      'BatchCreatePartition on sluice.session_checked_in failed for dt=2025-05-02: ResourceNumberLimitExceededException (Partition limit reached.)',
    );
  });

  it('sends at most 100 partitions per call, one table at a time, each date once', async () => {
    glue
      .on(GetTableCommand)
      .resolves({ Table: storedTable(CURRENT_COLUMNS) })
      .on(BatchCreatePartitionCommand)
      .resolves({});
    const dates = Array.from({ length: 150 }, (_, day) =>
      new Date(Date.UTC(2025, 0, 1 + day)).toISOString().slice(0, 10),
    );

    const created = await catalog.addPartitions([
      ...dates.map((dt) => partition(dt)),
      partition('2025-01-01'),
      partition('2025-01-01', 'feedback_submitted'),
    ]);

    const calls = glue.commandCalls(BatchCreatePartitionCommand).map((c) => c.args[0].input);
    expect(calls.map((input) => [input.TableName, input.PartitionInputList?.length])).toEqual([
      ['session_checked_in', 100],
      ['session_checked_in', 50],
      ['feedback_submitted', 1],
    ]);
    expect(created).toBe(151);
  });

  it('throws when the table is not in the catalog', async () => {
    glue.on(GetTableCommand).rejects(notFound());

    await expect(catalog.addPartitions([partition('2025-05-01')])).rejects.toThrow(
      'cannot register partitions of sluice.session_checked_in: the table is not in the catalog',
    );
    expect(glue.commandCalls(BatchCreatePartitionCommand)).toHaveLength(0);
  });
});

describe('listPartitions', () => {
  it('pages through GetPartitions and returns the dt values, sorted', async () => {
    const stored = (dt: string) => ({
      Values: [dt],
      DatabaseName: 'sluice',
      TableName: 'session_checked_in',
      CreationTime: new Date('2025-05-03T00:00:00Z'),
      StorageDescriptor: { Location: `${LOCATION}dt=${dt}/` },
    });
    glue
      .on(GetPartitionsCommand)
      .resolvesOnce({ Partitions: [stored('2025-05-02'), stored('2025-05-01')], NextToken: 'token-2' })
      .resolvesOnce({ Partitions: [stored('2025-05-03')] });

    expect(await catalog.listPartitions('session_checked_in')).toEqual(['2025-05-01', '2025-05-02', '2025-05-03']);
    expect(glue.commandCalls(GetPartitionsCommand).map((c) => c.args[0].input)).toEqual([
      { DatabaseName: 'sluice', TableName: 'session_checked_in', NextToken: undefined },
      { DatabaseName: 'sluice', TableName: 'session_checked_in', NextToken: 'token-2' },
    ]);
  });

  it('returns no partitions for a table that is not in the catalog yet', async () => {
    glue.on(GetPartitionsCommand).rejects(notFound());

    expect(await catalog.listPartitions('session_checked_in')).toEqual([]);
  });
});
