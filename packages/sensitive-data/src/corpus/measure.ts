import { detectValue } from '../scan/detect-value';
import { createScanner, type ScanOptions } from '../scan/scanner';
import { type EntityName, TEXT_ENTITIES } from '../types';
import type { DecoyKind, LabelledCorpus } from './types';

export interface EntityScore {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  /** 1 when nothing was claimed. */
  readonly precision: number;
  /** 1 when there was nothing to find. */
  readonly recall: number;
  readonly f1: number;
}

export interface Mistake {
  readonly type: 'false-positive' | 'false-negative';
  readonly entity: EntityName;
  readonly value: string;
  readonly context: string;
}

export interface PrecisionRecallReport {
  readonly entities: Readonly<Record<string, EntityScore>>;
  /** False positives that landed on a decoy, by decoy kind. */
  readonly decoyHits: Readonly<Partial<Record<DecoyKind, number>>>;
  /** The first mistakes, for reading. */
  readonly mistakes: readonly Mistake[];
}

const MAX_MISTAKES = 50;

function score(tp: number, fp: number, fn: number): EntityScore {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
}

/**
 * Scores the detectors on a labelled corpus. A finding counts only when its entity, start and end equal a
 * planted span's exactly; anything else is a false positive, and every planted span not found exactly is a
 * false negative. PERSON_NAME and DATE_OF_BIRTH are scored on the declared values.
 *
 * @example
 * const report = measurePrecisionRecall(generateCorpus({ seed: 7 }));
 * report.entities.CREDIT_CARD; // { truePositives: 180, falsePositives: 0, falseNegatives: 0, precision: 1, recall: 1, f1: 1 }
 */
export function measurePrecisionRecall(corpus: LabelledCorpus, options: ScanOptions = {}): PrecisionRecallReport {
  const scanner = createScanner({ ...options, includeValues: false });
  const tally = new Map<EntityName, { tp: number; fp: number; fn: number }>();
  const count = (entity: EntityName) => {
    let entry = tally.get(entity);
    if (!entry) {
      entry = { tp: 0, fp: 0, fn: 0 };
      tally.set(entity, entry);
    }
    return entry;
  };
  for (const entity of [...TEXT_ENTITIES, 'PERSON_NAME', 'DATE_OF_BIRTH']) count(entity);
  const decoyHits: Partial<Record<DecoyKind, number>> = {};
  const mistakes: Mistake[] = [];
  const note = (mistake: Mistake) => {
    if (mistakes.length < MAX_MISTAKES) mistakes.push(mistake);
  };

  for (const { text, entities, decoys } of corpus.texts) {
    const planted = new Set(entities.map((span) => `${span.entity}:${span.start}:${span.end}`));
    const found = new Set<string>();
    for (const finding of scanner.scan(text)) {
      const key = `${finding.entity}:${finding.start}:${finding.end}`;
      found.add(key);
      if (planted.has(key)) {
        count(finding.entity).tp++;
        continue;
      }
      count(finding.entity).fp++;
      note({
        type: 'false-positive',
        entity: finding.entity,
        value: text.slice(finding.start, finding.end),
        context: text,
      });
      const hit = decoys.find((span) => finding.start < span.end && finding.end > span.start);
      if (hit) decoyHits[hit.kind] = (decoyHits[hit.kind] ?? 0) + 1;
    }
    for (const span of entities) {
      if (found.has(`${span.entity}:${span.start}:${span.end}`)) continue;
      count(span.entity).fn++;
      note({ type: 'false-negative', entity: span.entity, value: span.value, context: text });
    }
  }

  for (const { declared, value, positive } of corpus.values) {
    const detected = detectValue(value, declared, { now: corpus.now }) !== undefined;
    const entry = count(declared);
    if (detected && positive) entry.tp++;
    else if (detected) {
      entry.fp++;
      note({ type: 'false-positive', entity: declared, value, context: value });
    } else if (positive) {
      entry.fn++;
      note({ type: 'false-negative', entity: declared, value, context: value });
    }
  }

  const scores: Record<string, EntityScore> = {};
  for (const [entity, { tp, fp, fn }] of tally) scores[entity] = score(tp, fp, fn);
  return { entities: scores, decoyHits, mistakes };
}
