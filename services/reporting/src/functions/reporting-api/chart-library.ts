import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let source: string | undefined;

/**
 * Chart.js's UMD build, served by the reporting function itself (the dashboard must work with no
 * internet, so no CDN). Read from the installed package here; in the Lambda bundle,
 * scripts/esbuild-plugins.cjs replaces this module with one that holds the file's text.
 */
export function chartLibrarySource(): string {
  source ??= readFileSync(
    join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js'),
    'utf8',
  );
  return source;
}
