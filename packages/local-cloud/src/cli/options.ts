import { parseArgs } from 'node:util';

export const USAGE = `sluice — the local cloud and its tools

  npm run sluice -- up [--events N] [--rate R]     run the whole flow locally (the main command)
  npm run sluice -- status                         counts, queues and executions of the data directory
  npm run sluice -- sql warehouse "<SELECT ...>"   query the warehouse (DuckDB file)
  npm run sluice -- sql lake "<SELECT ...>"        query the lake through the catalog (the Athena stand-in)
  npm run sluice -- replay-quarantine [--date D]   put quarantined records back on the stream (cloud running)
  npm run sluice -- report [--date D]              render the daily report (HTML + CSV) into the lake's reports/ now
  npm run sluice -- classify raw|curated/<table> [--sample N]   which columns hold which sensitive data (sampled)

options for up:
  --events N          bounded: send N events, wait until all are processed, reconcile, exit (0 = balanced)
  --rate R            events per second (default: as fast as possible when bounded, 200/s otherwise)
  --seed S            generator seed (default 1)
  --malformed F       share of malformed records (default 0.02)
  --duplicates F      share of duplicate deliveries (default 0.01)
  --shards N          shards for the on-demand stream (default 2)
  --port P            HTTP API / dashboard port (default 4500; Kinesis P+1, S3 P+2, EventBridge P+3; 0 = any free)
  --no-traffic        start the local cloud only; send events yourself
  --data-dir DIR      where all state lives (default .sluice, or $SLUICE_DATA_DIR)
`;

export function parseCli(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      events: { type: 'string' },
      rate: { type: 'string' },
      seed: { type: 'string', default: '1' },
      malformed: { type: 'string', default: '0.02' },
      duplicates: { type: 'string', default: '0.01' },
      shards: { type: 'string', default: '2' },
      port: { type: 'string', default: '4500' },
      'no-traffic': { type: 'boolean', default: false },
      'data-dir': { type: 'string', default: process.env.SLUICE_DATA_DIR ?? '.sluice' },
      date: { type: 'string' },
      sample: { type: 'string', default: '1000' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const number = (name: string, text: string | undefined) => {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number, got "${text}"`);
    return value;
  };
  const port = number('port', values.port) as number;
  return {
    command: positionals[0] ?? 'up',
    args: positionals.slice(1),
    help: values.help,
    dataDir: values['data-dir'],
    events: number('events', values.events),
    rate: number('rate', values.rate),
    seed: number('seed', values.seed) as number,
    malformedShare: number('malformed', values.malformed) as number,
    duplicateShare: number('duplicates', values.duplicates) as number,
    shards: number('shards', values.shards) as number,
    ports:
      port === 0
        ? { gateway: 0, kinesis: 0, s3: 0, eventBridge: 0 }
        : { gateway: port, kinesis: port + 1, s3: port + 2, eventBridge: port + 3 },
    traffic: !values['no-traffic'],
    date: values.date,
    sample: values.sample,
  };
}
export type CliOptions = ReturnType<typeof parseCli>;
