import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CheckpointCorruptError, CheckpointDirectoryInUseError, MappingStateError } from './errors';
import {
  deferred,
  eventually,
  type Invocations,
  labels,
  openTestBed,
  putLabels,
  STREAM,
  type TestBed,
} from './testing/fixtures';

const SHARD = 'shardId-000000000000';

let bed: TestBed & { invocations: Invocations };

afterEach(async () => {
  await bed.close();
});

describe('restarting from checkpoints', () => {
  it('resumes after the checkpoint: only records that arrived meanwhile are delivered', async () => {
    bed = await openTestBed(3);
    putLabels(bed.store, labels(40));
    const first = bed.start({ batchSize: 7 });
    await first.idle();
    await first.stop();
    expect(bed.invocations.batches.flat().sort()).toEqual(labels(40).sort());

    putLabels(bed.store, labels(15, 'r', 40));
    const delivered = bed.invocations.batches.length;
    const second = bed.start({ batchSize: 7 });
    await second.idle();
    expect(bed.invocations.batches.slice(delivered).flat().sort()).toEqual(labels(15, 'r', 40).sort());
  });

  it('keeps one small JSON checkpoint per shard, replaced atomically', async () => {
    bed = await openTestBed(2);
    putLabels(bed.store, labels(10));
    const mapping = bed.start();
    await mapping.idle();
    expect(readdirSync(bed.checkpointDir).sort()).toEqual(['shardId-000000000000.json', 'shardId-000000000001.json']);
    const stream = bed.store.describeStream(STREAM);
    for (const shard of mapping.stats().shards) {
      const file = JSON.parse(readFileSync(join(bed.checkpointDir, `${shard.shardId}.json`), 'utf8'));
      expect(file).toEqual({
        formatVersion: 1,
        streamArn: stream.streamArn,
        streamCreationTimestamp: stream.streamCreationTimestamp,
        shardId: shard.shardId,
        sequenceNumber: bed.store.latestSequenceNumber(STREAM, shard.shardId),
        updatedAt: expect.any(String),
      });
    }
    expect(
      mapping
        .stats()
        .shards.map((shard) => shard.lastCheckpoint)
        .sort(),
    ).toEqual(
      mapping
        .stats()
        .shards.map((shard) => bed.store.latestSequenceNumber(STREAM, shard.shardId))
        .sort(),
    );
  });

  it('delivers again, after a restart, a batch that was still failing when the mapping stopped', async () => {
    bed = await openTestBed(1);
    bed.invocations.behave(() => {
      throw new Error('downstream unavailable');
    });
    putLabels(bed.store, labels(3));
    const first = bed.start({ retryDelayMs: 5 });
    await eventually(() => bed.invocations.batches.length >= 2);
    await first.stop();

    bed.invocations.behave(() => undefined);
    const attempts = bed.invocations.batches.length;
    const second = bed.start();
    await second.idle();
    expect(bed.invocations.batches.slice(attempts)).toEqual([labels(3)]);
  });

  it('with LATEST, skips what was there at the first start, but not what arrived while stopped', async () => {
    bed = await openTestBed(1);
    putLabels(bed.store, ['before-start']);
    // Stopped before it processed anything: LATEST must have been pinned at the first start.
    const first = bed.start({ startingPosition: 'LATEST' });
    await first.idle();
    await first.stop();
    putLabels(bed.store, ['while-stopped']);
    const second = bed.start({ startingPosition: 'LATEST' });
    await second.idle();
    putLabels(bed.store, ['while-running']);
    await second.idle();
    expect(bed.invocations.batches).toEqual([['while-stopped'], ['while-running']]);
  });

  it('starts a re-created stream of the same name at startingPosition, ignoring the old checkpoints', async () => {
    bed = await openTestBed(1);
    putLabels(bed.store, ['old']);
    const first = bed.start();
    await first.idle();
    await first.stop();
    bed.store.deleteStream(STREAM);
    await new Promise((resolve) => setTimeout(resolve, 5)); // a new creation timestamp
    bed.store.createStream(STREAM, 1);
    putLabels(bed.store, ['new']);
    const second = bed.start();
    await second.idle();
    expect(bed.invocations.batches).toEqual([['old'], ['new']]);
  });

  it('refuses to start on a corrupt checkpoint rather than guess a position', async () => {
    bed = await openTestBed(1);
    const first = bed.start();
    await first.idle();
    await first.stop();
    writeFileSync(join(bed.checkpointDir, `${SHARD}.json`), '{"formatVersion":1,');
    expect(() => bed.start()).toThrow(CheckpointCorruptError);
  });

  it('refuses a second running mapping on the same checkpoint directory, and a second start()', async () => {
    bed = await openTestBed(1);
    const first = bed.start();
    expect(() => bed.start()).toThrow(CheckpointDirectoryInUseError);
    expect(() => first.start()).toThrow(MappingStateError);
    await first.stop();
    const again = bed.start();
    await again.idle();
  });
});

describe('stop()', () => {
  it('lets the batch in flight finish and checkpoint, then invokes nothing more', async () => {
    bed = await openTestBed(1);
    const release = deferred();
    const entered = deferred();
    let calls = 0;
    bed.invocations.behave(async () => {
      if (++calls === 1) {
        entered.resolve();
        await release.promise;
      }
    });
    const sequenceNumbers = putLabels(bed.store, labels(3));
    const mapping = bed.start({ batchSize: 2 });
    await entered.promise;
    expect(mapping.stats().total.inFlight).toBe(1);

    let stopped = false;
    const stopping = mapping.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release.resolve();
    await stopping;

    expect(bed.invocations.batches).toEqual([['r0', 'r1']]);
    expect(mapping.stats().shards[0]).toMatchObject({
      lastCheckpoint: sequenceNumbers[1],
      state: 'stopped',
      inFlight: 0,
    });
    const restarted = bed.start({ batchSize: 2 });
    await restarted.idle();
    expect(bed.invocations.batches).toEqual([['r0', 'r1'], ['r2']]);
  });

  it('returns promptly from a mapping that is waiting for records or for its batching window', async () => {
    bed = await openTestBed(2);
    const mapping = bed.start({ batchSize: 100, maximumBatchingWindowInSeconds: 300 });
    putLabels(bed.store, ['r0']);
    await eventually(() => mapping.stats().shards.some((shard) => shard.state === 'batching'));
    const started = performance.now();
    await mapping.stop();
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(bed.invocations.batches).toEqual([]);
    await mapping.stop(); // idempotent
    // The checkpoint directory is free again.
    await bed.start().idle();
  });
});
