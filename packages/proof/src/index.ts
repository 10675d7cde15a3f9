/**
 * The proof suite's reusable parts: a local cloud in a temporary data directory with real SDK clients, the
 * privacy scan, and the soak run (used in short form by the CI test and in full by `npm run bench`).
 */
export { runSoak, type SoakOptions, type SoakResult, type SoakSample } from './soak/soak';
export { linearSlope, quantile } from './soak/trend';
export { type LocalRun, REPO_ROOT, startLocalRun, warehouseEventIds } from './support/local-run';
