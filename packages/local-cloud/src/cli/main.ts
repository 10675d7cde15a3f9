import { fileURLToPath } from 'node:url';
import { errorMessage } from '@sluice/core';
import { backfill } from './backfill';
import { classify } from './classify';
import { parseCli, USAGE } from './options';
import { report } from './report';
import { replayQuarantine, sqlLake, sqlWarehouse, status } from './tools';
import { up } from './up';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

async function main(argv: string[]): Promise<number> {
  // backfill parses its own options (--from, --to, --table).
  if (argv[0] === 'backfill') return backfill(argv.slice(1)).then(() => 0);
  const options = parseCli(argv);
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  switch (options.command) {
    case 'up':
      return up(options, repoRoot);
    case 'status':
      return status(options);
    case 'sql':
      if (options.args[0] === 'warehouse') return sqlWarehouse(options, options.args.slice(1).join(' '));
      if (options.args[0] === 'lake') return sqlLake(options, options.args.slice(1).join(' '));
      throw new Error('usage: sluice sql warehouse|lake "<SELECT ...>"');
    case 'replay-quarantine':
      return replayQuarantine(options);
    case 'report':
      return report(options);
    case 'classify':
      return classify(options);
    default:
      throw new Error(`unknown command "${options.command}"\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`sluice: ${errorMessage(error)}\n`);
    process.exit(1);
  },
);
