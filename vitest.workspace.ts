/**
 * The one place that lists every test project. `vitest.config.ts` hands this list to `test.projects`
 * (the current Vitest form of a workspace), and the root `pnpm test` runs them all.
 */
export const testProjects = [
  'packages/contracts',
  'packages/core',
  'packages/parquet',
  'packages/testing',
  'packages/adapters-aws',
  'packages/adapters-local',
  'packages/local-cloud',
  'packages/sensitive-data',
  'packages/sql-enrichment',
  'packages/questions',
  'services/ingest',
  'services/stream-etl',
  'services/catalog-updater',
  'services/warehouse-loader',
  'services/reporting',
  'packages/proof',
  'packages/benchmarks',
];

export default testProjects;
