// esbuild plugins for the services' Lambda bundles (serverless-esbuild `plugins`).
const { copyFileSync, mkdirSync } = require('node:fs');
const { dirname, join } = require('node:path');

// parquet-wasm's Node build reads parquet_wasm_bg.wasm from its own directory at load time; once bundled,
// "its own directory" is the bundle's, so the .wasm must sit next to every bundle that includes it.
const copyParquetWasm = {
  name: 'copy-parquet-wasm',
  setup(build) {
    build.initialOptions.metafile = true;
    build.onEnd((result) => {
      if (result.errors.length > 0) return;
      const outputs = Object.keys(result.metafile?.outputs ?? {}).filter((file) => file.endsWith('.cjs'));
      const bundlesParquet = (file) =>
        Object.keys(result.metafile.outputs[file].inputs).some((input) => input.includes('parquet-wasm'));
      let wasm;
      for (const output of outputs.filter(bundlesParquet)) {
        wasm ??= require.resolve('parquet-wasm/node/parquet_wasm_bg.wasm', {
          paths: [join(__dirname, '..', 'packages', 'parquet')],
        });
        mkdirSync(dirname(output), { recursive: true });
        copyFileSync(wasm, join(dirname(output), 'parquet_wasm_bg.wasm'));
      }
    });
  },
};

// The reporting dashboard serves Chart.js itself (no CDN offline). Its source module reads the installed
// file at run time; a Lambda bundle has no node_modules, so the bundle gets the file's text inlined.
const inlineChartLibrary = {
  name: 'inline-chart-library',
  setup(build) {
    build.onLoad({ filter: /[\\/]reporting-api[\\/]chart-library\.ts$/ }, (args) => {
      const { readFileSync } = require('node:fs');
      const main = require.resolve('chart.js', { paths: [dirname(args.path)] });
      const text = readFileSync(join(dirname(main), 'chart.umd.min.js'), 'utf8');
      return { contents: `export function chartLibrarySource() { return ${JSON.stringify(text)}; }`, loader: 'js' };
    });
  },
};

// stream-etl's enrichment SQL files sit next to its handler; its `enrichment-sql-files.ts` reads them at run
// time from source. A Lambda bundle has no source tree, so the bundle gets the files' text inlined instead.
const inlineEnrichmentSql = {
  name: 'inline-enrichment-sql',
  setup(build) {
    build.onLoad({ filter: /[\\/]enrichment-sql-files\.ts$/ }, (args) => {
      const { readdirSync, readFileSync } = require('node:fs');
      const directory = join(dirname(args.path), 'enrichment');
      const files = Object.fromEntries(
        readdirSync(directory)
          .filter((name) => name.endsWith('.sql'))
          .map((name) => [name, readFileSync(join(directory, name), 'utf8')]),
      );
      return {
        contents: `export function enrichmentSqlFiles() { return ${JSON.stringify(files)}; }`,
        loader: 'js',
        watchFiles: Object.keys(files).map((name) => join(directory, name)),
      };
    });
  },
};

module.exports = [copyParquetWasm, inlineChartLibrary, inlineEnrichmentSql];
