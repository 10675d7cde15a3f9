import { z } from 'zod';

/** The lake bucket the candidate writes to, inside its own temporary root. */
export const LAKE_BUCKET = 'sluice-lake';

/** Input of the candidate child (`candidate-run.ts`). */
export const CandidateSpec = z.object({
  manifestFile: z.string(),
  lakeRoot: z.string(),
  hmacKey: z.string().min(32),
  resultFile: z.string(),
});
export type CandidateSpec = z.infer<typeof CandidateSpec>;

/** Input of the baseline child (`baseline-run.ts`). */
export const BaselineSpec = z.object({
  events: z.int().positive(),
  copySql: z.string(),
  outDir: z.string(),
  resultFile: z.string(),
});
export type BaselineSpec = z.infer<typeof BaselineSpec>;

/** Input of the stage-breakdown child (`stage-breakdown.ts`). */
export const BreakdownSpec = CandidateSpec.extend({ iterations: z.int().positive() });
export type BreakdownSpec = z.infer<typeof BreakdownSpec>;
