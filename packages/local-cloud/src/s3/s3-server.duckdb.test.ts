import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestS3, type TestS3 } from './test-server';

function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

describe('S3 endpoint: the lake stays readable by DuckDB in place', () => {
  let s3: TestS3;
  let client: S3Client;
  let duckdb: DuckDBInstance;

  beforeEach(async () => {
    s3 = await startTestS3();
    client = new S3Client({
      endpoint: s3.server.url,
      forcePathStyle: true,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
    await client.send(new CreateBucketCommand({ Bucket: 'lake' }));
    duckdb = await DuckDBInstance.create(':memory:');
  });

  afterEach(async () => {
    duckdb.closeSync();
    client.destroy();
    expect(s3.internalErrors).toEqual([]);
    await s3.close();
  });

  async function query(sql: string): Promise<unknown[][]> {
    const connection = await duckdb.connect();
    try {
      return (await connection.runAndReadAll(sql)).getRows();
    } finally {
      connection.closeSync();
    }
  }

  it('reads a Parquet file put through the endpoint (as a stream) straight from <root>/<bucket>/<key>', async () => {
    const source = join(s3.root, 'made-by-duckdb.parquet');
    await query(
      `COPY (SELECT range AS id, 'country-' || (range % 7) AS country FROM range(1234)) TO ${sqlString(source)} (FORMAT parquet)`,
    );
    const { size } = await stat(source);

    await client.send(
      new PutObjectCommand({
        Bucket: 'lake',
        Key: 'curated/attendees/dt=2026-11-25/part-0.parquet',
        Body: createReadStream(source),
        ContentLength: size,
        ContentType: 'application/vnd.apache.parquet',
      }),
    );

    const inPlace = join(s3.root, 'lake/curated/attendees/dt=2026-11-25/part-0.parquet');
    expect((await readFile(inPlace)).equals(await readFile(source))).toBe(true);
    expect(await query(`SELECT count(*) FROM read_parquet(${sqlString(inPlace)})`)).toEqual([[1234n]]);
    const glob = join(s3.root, 'lake/curated/attendees/*/*.parquet');
    expect(
      await query(
        `SELECT CAST(dt AS VARCHAR), count(DISTINCT country) FROM read_parquet(${sqlString(glob)}, hive_partitioning = true) GROUP BY dt`,
      ),
    ).toEqual([['2026-11-25', 7n]]);
  });
});
