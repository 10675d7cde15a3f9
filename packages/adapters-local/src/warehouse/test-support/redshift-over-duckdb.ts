/**
 * Test support: a mocked RedshiftDataClient (aws-sdk-client-mock) with the Data API's shapes — statement
 * ids, DescribeStatement going SUBMITTED → STARTED → FINISHED (or FAILED with Redshift's error text, the
 * rest of a batch ABORTED), GetStatementResult typed Fields in pages with NextToken — over a DuckDB
 * warehouse: SELECTs and REFRESH MATERIALIZED VIEW run on it, and a load batch (CREATE TEMP … COPY …
 * MERGE … ledger) is carried out by loading the manifest's files into it, answering the batch's count row
 * as Redshift would. So the Redshift adapter and the DuckDB one meet the same data in the shared contract
 * suite. Not exported from the package.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  BatchExecuteStatementCommand,
  DescribeStatementCommand,
  type DescribeStatementResponse,
  ExecuteStatementCommand,
  type Field,
  GetStatementResultCommand,
  type RedshiftDataClient,
  type SubStatementData,
} from '@aws-sdk/client-redshift-data';
import type { FileToLoad, ObjectStore, Row } from '@sluice/core';
import type { AwsClientStub } from 'aws-sdk-client-mock';
import type { DuckDbWarehouse } from '../duckdb-warehouse';

/** The lake bucket as plain files under `root` (object key K is `<root>/K`). */
export function lakeDirectory(bucket: string, root: string): ObjectStore {
  return {
    bucket,
    async put(key, body) {
      await mkdir(dirname(join(root, key)), { recursive: true });
      await writeFile(join(root, key), body);
      return { etag: 'etag' };
    },
    async get(key) {
      const body = await readFile(join(root, key)).catch(() => undefined);
      return body ? { body: new Uint8Array(body), etag: 'etag' } : undefined;
    },
    async head(key) {
      const found = await stat(join(root, key)).catch(() => undefined);
      return found?.isFile() ? { key, size: found.size, etag: 'etag' } : undefined;
    },
    list: async () => [],
  };
}

function toField(value: unknown): Field {
  if (value === null || value === undefined) return { isNull: true };
  if (typeof value === 'boolean') return { booleanValue: value };
  if (typeof value === 'number') return Number.isInteger(value) ? { longValue: value } : { doubleValue: value };
  return { stringValue: String(value) };
}

interface Statement {
  readonly description: DescribeStatementResponse;
  readonly rows?: Row[];
  polls: number;
}

const PAGE_SIZE = 2;

export function redshiftOverDuckDb(
  stub: AwsClientStub<RedshiftDataClient>,
  warehouse: DuckDbWarehouse,
  lake: ObjectStore,
): void {
  const statements = new Map<string, Statement>();
  let next = 0;

  /** One SQL statement on the DuckDB warehouse: its rows (undefined: no result set), or Redshift's error text. */
  async function run(sql: string): Promise<{ rows?: Row[] } | { error: string }> {
    try {
      const refresh = /^REFRESH MATERIALIZED VIEW (\w+)$/.exec(sql.trim());
      if (refresh) {
        await warehouse.refreshViews();
        return {};
      }
      return { rows: await warehouse.query(sql) };
    } catch (error) {
      return { error: `ERROR: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  /** The load batch: COPY's manifest names the files; the DuckDB warehouse loads them (ledger, MERGE by event id). */
  async function load(sqls: readonly string[]): Promise<Row[]> {
    const copy = sqls.find((sql) => sql.startsWith('COPY '));
    const manifestKey = /FROM 's3:\/\/[^/]+\/([^']+)'/.exec(copy ?? '')?.[1];
    const manifest = manifestKey ? await lake.get(manifestKey) : undefined;
    if (!manifest) throw new Error(`the load batch names no readable manifest (${manifestKey})`);
    const { entries } = JSON.parse(new TextDecoder().decode(manifest.body)) as { entries: { url: string }[] };
    const table = /^CREATE TEMP TABLE stage_(\w+)/.exec(sqls[0] ?? '')?.[1] ?? '';
    const files: FileToLoad[] = entries.map((entry) => ({
      table,
      objectKey: entry.url.replace(/^s3:\/\/[^/]+\//, ''),
    }));
    const outcome = await warehouse.loadFiles(files);
    return [{ staged_rows: outcome.rowsInserted + outcome.rowsSkipped, new_rows: outcome.rowsInserted }];
  }

  const remember = (id: string, sql: string, outcome: { rows?: Row[] } | { error: string }): Statement => {
    const failed = 'error' in outcome;
    const statement: Statement = {
      description: {
        Id: id,
        QueryString: sql,
        Status: failed ? 'FAILED' : 'FINISHED',
        ...(failed ? { Error: outcome.error } : {}),
        HasResultSet: !failed && outcome.rows !== undefined,
        ResultRows: failed ? -1 : (outcome.rows?.length ?? 0),
      },
      ...(failed || outcome.rows === undefined ? {} : { rows: outcome.rows }),
      polls: 0,
    };
    statements.set(id, statement);
    return statement;
  };

  stub.on(ExecuteStatementCommand).callsFake(async (input: { Sql: string }) => {
    const id = `d9b6c0e4-0000-4000-8000-${String(++next).padStart(12, '0')}`;
    remember(id, input.Sql, await run(input.Sql));
    return { Id: id, CreatedAt: new Date('2026-11-25T10:00:00Z'), Database: 'dev', WorkgroupName: 'sluice' };
  });

  stub.on(BatchExecuteStatementCommand).callsFake(async (input: { Sqls: string[] }) => {
    const id = `b7c1a2f3-0000-4000-8000-${String(++next).padStart(12, '0')}`;
    const isLoad = input.Sqls.some((sql) => sql.startsWith('COPY '));
    let counts: Row[] | { error: string };
    try {
      counts = isLoad ? await load(input.Sqls) : [];
    } catch (error) {
      counts = { error: `ERROR: ${error instanceof Error ? error.message : String(error)}` };
    }
    const error = Array.isArray(counts) ? undefined : counts.error;
    const failed = error !== undefined;
    const subStatements: SubStatementData[] = input.Sqls.map((sql, i) => {
      const subId = `${id}:${i + 1}`;
      const rows = Array.isArray(counts) && i === 4 ? counts : undefined;
      remember(subId, sql, rows ? { rows } : {});
      return {
        Id: subId,
        QueryString: sql,
        Status: failed ? (i === 1 ? 'FAILED' : 'ABORTED') : 'FINISHED',
        HasResultSet: rows !== undefined,
        ...(failed && i === 1 ? { Error: error } : {}),
      };
    });
    statements.set(id, {
      description: {
        Id: id,
        Status: failed ? 'FAILED' : 'FINISHED',
        ...(failed ? { Error: `Query failed with ${error}` } : {}),
        SubStatements: subStatements,
      },
      polls: 0,
    });
    return { Id: id, CreatedAt: new Date('2026-11-25T10:00:00Z'), Database: 'dev', WorkgroupName: 'sluice' };
  });

  stub.on(DescribeStatementCommand).callsFake((input: { Id: string }) => {
    const statement = statements.get(input.Id);
    if (!statement)
      throw Object.assign(new Error(`Query does not exist: ${input.Id}`), { name: 'ResourceNotFoundException' });
    statement.polls++;
    if (statement.polls === 1) return { ...statement.description, Status: 'SUBMITTED' };
    if (statement.polls === 2) return { ...statement.description, Status: 'STARTED' };
    return statement.description;
  });

  stub.on(GetStatementResultCommand).callsFake((input: { Id: string; NextToken?: string }) => {
    const rows = statements.get(input.Id)?.rows;
    if (!rows) throw Object.assign(new Error('Query does not have result'), { name: 'ValidationException' });
    const names = Object.keys(rows[0] ?? {});
    const start = Number(input.NextToken ?? 0);
    const end = Math.min(rows.length, start + PAGE_SIZE);
    return {
      // Like the real API, column metadata comes with every page; records are positional Fields.
      ColumnMetadata: names.map((name) => ({ name, label: name, typeName: 'varchar' })),
      Records: rows.slice(start, end).map((row) => names.map((name) => toField(row[name]))),
      TotalNumRows: rows.length,
      ...(end < rows.length ? { NextToken: String(end) } : {}),
    };
  });
}
