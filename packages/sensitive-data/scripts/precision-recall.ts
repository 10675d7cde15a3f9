/**
 * Prints per-entity precision, recall and F1 of the detectors on a seeded labelled corpus.
 *
 *   npx tsx packages/sensitive-data/scripts/precision-recall.ts [--seed 2026] [--texts 5000] [--mistakes]
 */
import { parseArgs } from 'node:util';
import { generateCorpus, measurePrecisionRecall } from '../src/index';

const { values: args } = parseArgs({
  options: {
    seed: { type: 'string', default: '2026' },
    texts: { type: 'string', default: '5000' },
    values: { type: 'string', default: '1000' },
    mistakes: { type: 'boolean', default: false },
  },
});

const corpus = generateCorpus({ seed: Number(args.seed), texts: Number(args.texts), values: Number(args.values) });
const started = performance.now();
const report = measurePrecisionRecall(corpus);
const elapsed = performance.now() - started;

const planted = corpus.texts.reduce((sum, text) => sum + text.entities.length, 0);
const decoys = corpus.texts.reduce((sum, text) => sum + text.decoys.length, 0);
console.log(
  `seed ${corpus.seed}: ${corpus.texts.length} comments (${planted} planted entities, ${decoys} decoys), ` +
    `${corpus.values.length} declared values; scored in ${elapsed.toFixed(0)} ms\n`,
);
const pad = (value: string | number, width: number) => String(value).padStart(width);
console.log(
  `${'entity'.padEnd(14)}${pad('TP', 7)}${pad('FP', 6)}${pad('FN', 6)}${pad('precision', 11)}${pad('recall', 9)}${pad('F1', 8)}`,
);
for (const [entity, score] of Object.entries(report.entities)) {
  console.log(
    `${entity.padEnd(14)}${pad(score.truePositives, 7)}${pad(score.falsePositives, 6)}${pad(score.falseNegatives, 6)}` +
      `${pad(score.precision.toFixed(4), 11)}${pad(score.recall.toFixed(4), 9)}${pad(score.f1.toFixed(4), 8)}`,
  );
}
const hits = Object.entries(report.decoyHits);
console.log(
  `\ndecoys detected as entities: ${hits.length === 0 ? 'none' : hits.map(([kind, n]) => `${kind} ${n}`).join(', ')}`,
);
if (args.mistakes) {
  for (const mistake of report.mistakes) {
    console.log(
      `${mistake.type} ${mistake.entity}: ${JSON.stringify(mistake.value)} in ${JSON.stringify(mistake.context)}`,
    );
  }
}
