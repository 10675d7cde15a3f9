import { execFile, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KinesisServer, startKinesisServer } from './kinesis-endpoint';
import { KinesisStore } from './kinesis-store';
import { temporaryDirectory } from './testing/fixtures';

/**
 * The AWS CLI (botocore) is a second, independent client of the wire protocol. It is optional on
 * developer machines, so this suite runs only where `aws` works.
 */
const version = spawnSync('aws', ['--version'], { encoding: 'utf8' });
const cliMajorVersion = version.status === 0 ? Number(/aws-cli\/(\d+)/.exec(version.stdout + version.stderr)?.[1]) : 0;
const run = promisify(execFile);

describe.runIf(cliMajorVersion > 0)('the Kinesis endpoint, driven by the AWS CLI', () => {
  let directory: ReturnType<typeof temporaryDirectory>;
  let store: KinesisStore;
  let server: KinesisServer;

  /** Runs `aws kinesis …` against the endpoint, with throwaway credentials and no user config. */
  async function aws(...args: string[]): Promise<Record<string, unknown>> {
    const { stdout } = await run('aws', ['kinesis', ...args, '--endpoint-url', server.url, '--output', 'json'], {
      env: {
        PATH: process.env.PATH,
        HOME: directory.dir,
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_CONFIG_FILE: join(directory.dir, 'no-config'),
        AWS_SHARED_CREDENTIALS_FILE: join(directory.dir, 'no-credentials'),
        AWS_EC2_METADATA_DISABLED: 'true',
        AWS_MAX_ATTEMPTS: '1',
      },
    });
    return stdout.trim() === '' ? {} : JSON.parse(stdout);
  }

  beforeAll(async () => {
    directory = temporaryDirectory();
    store = await KinesisStore.open(join(directory.dir, 'kinesis'));
    server = await startKinesisServer({ store });
  });

  afterAll(async () => {
    await server.close();
    store.close();
    directory.remove();
  });

  it('creates a stream, puts a record and reads it back', { timeout: 60_000 }, async () => {
    await aws('create-stream', '--stream-name', 'cli', '--shard-count', '2');
    // CLI v2 reads blobs as base64 unless told otherwise; v1 sends the text as is.
    const rawBlobs = cliMajorVersion >= 2 ? ['--cli-binary-format', 'raw-in-base64-out'] : [];
    const put = await aws('put-record', '--stream-name', 'cli', '--partition-key', 'k', '--data', 'hello', ...rawBlobs);
    expect(put).toEqual({
      ShardId: expect.stringMatching(/^shardId-/),
      SequenceNumber: expect.stringMatching(/^\d{56}$/),
    });

    const stored = store.getRecords('cli', String(put.ShardId), { type: 'TRIM_HORIZON' }).records;
    expect(stored.map((record) => Buffer.from(record.data).toString())).toEqual(['hello']);

    const { ShardIterator } = await aws(
      'get-shard-iterator',
      '--stream-name',
      'cli',
      '--shard-id',
      String(put.ShardId),
      '--shard-iterator-type',
      'TRIM_HORIZON',
    );
    const page = (await aws('get-records', '--shard-iterator', String(ShardIterator))) as {
      Records: { Data: string; PartitionKey: string; SequenceNumber: string }[];
      MillisBehindLatest: number;
    };
    expect(page.Records.map((record) => [Buffer.from(record.Data, 'base64').toString(), record.PartitionKey])).toEqual([
      ['hello', 'k'],
    ]);
    expect(page.Records[0]?.SequenceNumber).toBe(put.SequenceNumber);
    expect(page.MillisBehindLatest).toBe(0);
  });

  it('surfaces Kinesis error types to the CLI', { timeout: 60_000 }, async () => {
    await expect(aws('describe-stream', '--stream-name', 'missing')).rejects.toThrow(/ResourceNotFoundException/);
  });
});
