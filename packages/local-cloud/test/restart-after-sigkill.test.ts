import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KinesisClient, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { DuckDbDatabase, localDataPaths } from '@sluice/adapters-local';
import { attendeeRegistered } from '@sluice/testing';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'sluice-kill-'));
const endpointsFile = join(dataDir, 'endpoints.json');
const children: ChildProcess[] = [];

async function startCloud(): Promise<{ child: ChildProcess; gateway: string; kinesis: string; stream: string }> {
  rmSync(endpointsFile, { force: true });
  const child = spawn('npx', ['tsx', 'src/cli/main.ts', 'up', '--no-traffic', '--port', '0', '--data-dir', dataDir], {
    cwd: packageDir,
    stdio: 'ignore',
    detached: true,
  });
  children.push(child);
  for (let waited = 0; !existsSync(endpointsFile); waited += 200) {
    if (waited > 120_000) throw new Error('the local cloud did not start within 120 s');
    if (child.exitCode !== null) throw new Error(`the local cloud exited with ${child.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { child, ...JSON.parse(readFileSync(endpointsFile, 'utf8')) };
}

async function send(kinesis: string, stream: string, events: ReturnType<typeof attendeeRegistered>[]) {
  const client = new KinesisClient({
    endpoint: kinesis,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    requestHandler: new NodeHttpHandler(),
  });
  for (let i = 0; i < events.length; i += 500) {
    const records = events
      .slice(i, i + 500)
      .map((e) => ({ PartitionKey: e.attendeeId, Data: Buffer.from(JSON.stringify(e)) }));
    const result = await client.send(new PutRecordsCommand({ StreamName: stream, Records: records }));
    expect(result.FailedRecordCount).toBe(0);
  }
}

async function attendees(gateway: string): Promise<number> {
  const response = await fetch(`${gateway}/api/attendees-by-country`).catch(() => undefined);
  if (!response?.ok) return 0;
  const { rows } = (await response.json()) as { rows: { attendees: number }[] };
  return rows.reduce((sum, row) => sum + row.attendees, 0);
}

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 150_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function openWhenReleased(path: string): Promise<DuckDbDatabase> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await DuckDbDatabase.open(path);
    } catch (error) {
      if (attempt > 150 || !/lock/i.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

afterAll(() => {
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // the process group has already exited
    }
  }
});

describe('a SIGKILL mid-stream', () => {
  it('loses nothing and duplicates nothing after a restart', async () => {
    const events = Array.from({ length: 3000 }, (_, i) =>
      attendeeRegistered({ attendeeId: `att-${i}`, country: ['NL', 'DE', 'FR'][i % 3] as string }),
    );
    const first = await startCloud();
    await send(first.kinesis, first.stream, events.slice(0, 1500));
    await waitFor(async () => (await attendees(first.gateway)) > 0, 'the first rows in the warehouse');
    process.kill(-(first.child.pid as number), 'SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));

    const second = await startCloud();
    await send(second.kinesis, second.stream, events.slice(1500));
    await waitFor(async () => (await attendees(second.gateway)) >= 3000, 'all 3000 attendees');
    process.kill(-(second.child.pid as number), 'SIGTERM');
    await new Promise((resolve) => second.child.once('exit', resolve));

    // npx exits first; the local cloud's own process releases the warehouse once it has stopped cleanly.
    const db = await openWhenReleased(localDataPaths(dataDir).warehouseDb);
    const [counts] = await db.all('SELECT count(*) AS n, count(DISTINCT event_id) AS ids FROM attendee_registered');
    await db.close();
    expect(counts).toEqual({ n: 3000, ids: 3000 });
  }, 400_000);
});
