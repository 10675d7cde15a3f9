import { join } from 'node:path';
import {
  buildLoadWarehouse,
  buildRegisterPartitions,
  type ColumnDefinition,
  columnsOf,
  type FactTable,
  factTables,
  type TablePolicies,
} from '@sluice/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuckDbCatalog, SchemaChangeError } from '../catalog';
import { DuckDbWarehouse } from './duckdb-warehouse';
import { SchemaChangeQuarantinedError } from './errors';
import { attendeeRegistered, temporaryDirectory, writeEventsFile } from './test-support/event-files';
import { s3ObjectCreatedFor } from './test-support/object-created';

// The contract as it will be after a change: AttendeeRegistered gains an optional field, or `price` becomes a
// string. Both the catalog and the warehouse get it the way production does (the registration use case, migrate).
const BUCKET = 'lake';
const TABLE = 'attendee_registered';
const withDietaryNeeds: ColumnDefinition[] = [
  ...columnsOf('AttendeeRegistered'),
  { name: 'dietary_needs', type: 'string', field: 'dietaryNeeds' },
];
const withPriceAsText: ColumnDefinition[] = columnsOf('AttendeeRegistered').map((column) =>
  column.name === 'price' ? { ...column, type: 'string' } : column,
);
const factsWith = (columns: ColumnDefinition[]): FactTable[] =>
  factTables().map((fact) => (fact.table === TABLE ? { ...fact, columns } : fact));
const policy = (onTypeChange: 'quarantine' | 'version'): TablePolicies => ({
  [TABLE]: { registration: 'direct', onTypeChange, projectionStartDate: '2025-01-01' },
});

let dir: { path: string; remove: () => Promise<void> };
let lakeRoot: string;
let catalog: DuckDbCatalog;
const warehouses: DuckDbWarehouse[] = [];

beforeEach(async () => {
  dir = await temporaryDirectory();
  lakeRoot = join(dir.path, 'lake');
  catalog = await DuckDbCatalog.open({ dbPath: join(dir.path, 'catalog.duckdb'), database: 'sluice' });
});

afterEach(async () => {
  for (const warehouse of warehouses.splice(0)) await warehouse.close();
  await catalog.close();
  await dir.remove();
});

/** One deployment: the catalog registration and the warehouse load under a given contract and policy. */
async function deploy(columns: ColumnDefinition[], policies: TablePolicies = policy('quarantine')) {
  const warehouse = await DuckDbWarehouse.open({
    dbPath: join(dir.path, 'warehouse.duckdb'),
    lakeRoot,
    facts: factsWith(columns),
    policies,
  });
  warehouses.push(warehouse);
  const registerPartitions = buildRegisterPartitions({
    catalog,
    policies,
    columnsOf: (eventType) => (eventType === 'AttendeeRegistered' ? columns : columnsOf(eventType)),
  });
  const loadWarehouse = buildLoadWarehouse({ warehouse });
  /** What the state machine does for one new object: register, then load. */
  const arrive = async (key: string) => {
    await registerPartitions([s3ObjectCreatedFor(BUCKET, key)]);
    return loadWarehouse({ bucket: BUCKET, objectKeys: [key] });
  };
  return { warehouse, arrive };
}

const catalogColumns = async () =>
  Object.fromEntries(((await catalog.getTable(TABLE))?.columns ?? []).map((c) => [c.name, c.type]));
const warehouseColumns = async (warehouse: DuckDbWarehouse) =>
  Object.fromEntries(
    (
      await warehouse.query(
        `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${TABLE}'`,
      )
    ).map((row) => [row.column_name, row.data_type]),
  );

describe('schema changes by policy (catalog + warehouse on DuckDB)', () => {
  it('a new optional field reaches the catalog table and a warehouse column with no manual step', async () => {
    const before = await deploy(columnsOf('AttendeeRegistered'));
    const old = attendeeRegistered();
    await before.arrive(await writeEventsFile(lakeRoot, 'AttendeeRegistered', '2026-11-25', 'old.parquet', [old]));
    await before.warehouse.close();

    const after = await deploy(withDietaryNeeds);
    const fresh = { ...attendeeRegistered(), dietaryNeeds: 'vegan' };
    const key = await writeEventsFile(
      lakeRoot,
      'AttendeeRegistered',
      '2026-11-25',
      'new.parquet',
      [fresh],
      withDietaryNeeds,
    );
    const loaded = await after.arrive(key);

    expect(loaded.rowsInserted).toBe(1);
    expect(await catalogColumns()).toMatchObject({ dietary_needs: 'string', price: 'double' });
    expect(await warehouseColumns(after.warehouse)).toMatchObject({ dietary_needs: 'VARCHAR' });
    expect(await after.warehouse.query(`SELECT event_id, dietary_needs FROM ${TABLE} ORDER BY dietary_needs`)).toEqual([
      { event_id: fresh.eventId, dietary_needs: 'vegan' },
      { event_id: old.eventId, dietary_needs: null },
    ]);
  });

  it('quarantine: a retyped field fails registration and the load of files with the new type, naming both types', async () => {
    const before = await deploy(columnsOf('AttendeeRegistered'));
    await before.arrive(
      await writeEventsFile(lakeRoot, 'AttendeeRegistered', '2026-11-25', 'old.parquet', [attendeeRegistered()]),
    );
    await before.warehouse.close();

    const after = await deploy(withPriceAsText, policy('quarantine'));
    const retyped = { ...attendeeRegistered(), price: 'EUR 199' };
    const key = await writeEventsFile(
      lakeRoot,
      'AttendeeRegistered',
      '2026-11-26',
      'new.parquet',
      [retyped],
      withPriceAsText,
    );

    await expect(after.arrive(key)).rejects.toThrow(SchemaChangeError);
    await expect(after.arrive(key)).rejects.toThrow(/attendee_registered\.price.*"double".*"string"/);
    const load = buildLoadWarehouse({ warehouse: after.warehouse })({ bucket: BUCKET, objectKeys: [key] });
    await expect(load).rejects.toBeInstanceOf(SchemaChangeQuarantinedError);
    await expect(
      buildLoadWarehouse({ warehouse: after.warehouse })({ bucket: BUCKET, objectKeys: [key] }),
    ).rejects.toThrow(/column "price" is DOUBLE in the warehouse but VARCHAR in the file/);
    expect(await catalogColumns()).toMatchObject({ price: 'double' });
    expect(await catalogColumns()).not.toHaveProperty('price_v2');
    expect(await warehouseColumns(after.warehouse)).not.toHaveProperty('price_v2');
    // The warehouse still loads files of the old type: it holds back only the objects with the new type.
    const older = await writeEventsFile(lakeRoot, 'AttendeeRegistered', '2026-11-26', 'older.parquet', [
      attendeeRegistered(),
    ]);
    const loadOlder = buildLoadWarehouse({ warehouse: after.warehouse });
    expect((await loadOlder({ bucket: BUCKET, objectKeys: [older] })).rowsInserted).toBe(1);
  });

  it('version: a retyped field gets a <name>_v2 column in the catalog and the warehouse, and loads into it', async () => {
    const before = await deploy(columnsOf('AttendeeRegistered'), policy('version'));
    const old = attendeeRegistered({ price: 99 });
    await before.arrive(await writeEventsFile(lakeRoot, 'AttendeeRegistered', '2026-11-25', 'old.parquet', [old]));
    await before.warehouse.close();

    const after = await deploy(withPriceAsText, policy('version'));
    const retyped = { ...attendeeRegistered(), price: 'EUR 199' };
    const key = await writeEventsFile(
      lakeRoot,
      'AttendeeRegistered',
      '2026-11-26',
      'new.parquet',
      [retyped],
      withPriceAsText,
    );
    const loaded = await after.arrive(key);

    expect(loaded.rowsInserted).toBe(1);
    expect(await catalogColumns()).toMatchObject({ price: 'double', price_v2: 'string' });
    expect(await warehouseColumns(after.warehouse)).toMatchObject({ price: 'DOUBLE', price_v2: 'VARCHAR' });
    expect(await after.warehouse.query(`SELECT event_id, price, price_v2 FROM ${TABLE} ORDER BY dt`)).toEqual([
      { event_id: old.eventId, price: 99, price_v2: null },
      { event_id: retyped.eventId, price: null, price_v2: 'EUR 199' },
    ]);
  });
});
