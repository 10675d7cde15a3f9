/**
 * A producer for the crash test: it appends batches to the store in `argv[2]` as fast as it can and
 * prints one line per acknowledged batch, until the test SIGKILLs it. Stdout to a pipe is synchronous
 * on Linux, so a printed acknowledgement always follows the durable append it reports.
 */
import { KinesisStore } from '../kinesis-store';
import { aBatchOfRecords, labelOf } from './fixtures';

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: crashing-producer <store directory>');

const store = await KinesisStore.open(dir);
if (!store.listStreams().includes('crash')) store.createStream('crash', 3);
for (let batch = 0; ; batch++) {
  const records = aBatchOfRecords(25, { prefix: `batch${batch}`, payloadBytes: 4096 });
  const results = store.putRecords('crash', records);
  const acknowledged = results.map((result, index) => ({
    label: labelOf(records[index]?.data ?? new Uint8Array()),
    ...result,
  }));
  process.stdout.write(`${JSON.stringify(acknowledged)}\n`);
}
