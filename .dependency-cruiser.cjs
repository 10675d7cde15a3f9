/**
 * Architecture rules checked in CI (`pnpm deps`). They keep the hexagon honest: the core and the
 * contract never reach infrastructure, AWS SDK imports live only in the AWS adapters, and services talk
 * through events, never through each other's code.
 */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-no-adapter',
      comment: 'The core defines ports; adapters implement them. Never the other way round.',
      severity: 'error',
      from: { path: '^packages/(core|contracts)/' },
      to: {
        path: '^packages/(adapters-aws|adapters-local|local-cloud|parquet)/|node_modules/(@aws-sdk|@duckdb|parquet-wasm|apache-arrow)',
      },
    },
    {
      name: 'aws-sdk-only-in-aws-adapters',
      comment: '@aws-sdk/* is imported only by packages/adapters-aws.',
      severity: 'error',
      from: {
        path: '^(packages|services)/',
        pathNot: '^packages/adapters-aws/|\\.test\\.ts$|^packages/local-cloud/test/',
      },
      to: { path: 'node_modules/@aws-sdk/' },
    },
    {
      name: 'services-never-import-each-other',
      comment: 'Services communicate through Kinesis, S3 events and EventBridge only.',
      severity: 'error',
      from: { path: '^services/([^/]+)/' },
      to: { path: '^services/', pathNot: '^services/$1/' },
    },
    {
      name: 'packages-never-import-services',
      severity: 'error',
      from: { path: '^packages/', pathNot: '^packages/(local-cloud|proof)/' },
      to: { path: '^services/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(\\.serverless|\\.esbuild|node_modules)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
