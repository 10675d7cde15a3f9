import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localDataPaths } from '@sluice/adapters-local';
import { columnsOf, toRow } from '@sluice/core';
import { encodeParquet } from '@sluice/parquet';
import { feedbackSubmitted } from '@sluice/testing';
import { describe, expect, it, vi } from 'vitest';
import { classify } from './classify';
import { parseCli } from './options';

describe('sluice classify', () => {
  it('samples a lake table and names the columns that hold sensitive data', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sluice-classify-'));
    const folder = join(
      localDataPaths(dataDir).lakeBucketRoot('sluice-local-lake-eu-west-1'),
      'raw/feedback_submitted/dt=2026-11-24',
    );
    mkdirSync(folder, { recursive: true });
    const columns = columnsOf('FeedbackSubmitted');
    const rows = Array.from({ length: 40 }, (_, i) =>
      toRow(feedbackSubmitted({ comment: i % 2 === 0 ? `write to person${i}@example.org` : 'great talk' }), columns),
    );
    writeFileSync(join(folder, 'batch.parquet'), encodeParquet(columns, rows));
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await classify(parseCli(['classify', 'raw/feedback_submitted', '--sample', '100', '--data-dir', dataDir]));
      const output = write.mock.calls.map(([text]) => String(text)).join('');
      expect(output).toContain('raw/feedback_submitted: 40 rows sampled');
      expect(output).toMatch(/comment\s+40\s+40\s+EMAIL\s+EMAIL 50\.0%/);
      expect(output).toMatch(/rating\s+40\s+40\s+-/);
    } finally {
      write.mockRestore();
    }
  });

  it('refuses a target that is not a zone and a table, saying what it takes', async () => {
    await expect(classify(parseCli(['classify', 'quarantine/x']))).rejects.toThrow(
      /usage: sluice classify raw\|curated/,
    );
  });
});
