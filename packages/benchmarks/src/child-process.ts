import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { MeasurementFailedError } from './errors';

/** Children run the TypeScript sources through tsx's loader, as the parent does. */
const TSX_LOADER = import.meta.resolve('tsx');

export interface ChildRun<P extends { readonly resultFile: string }, S extends z.ZodType> {
  /** Shown in errors: what is being measured. */
  readonly name: string;
  /** The child's entry module (a file of this folder). */
  readonly script: URL;
  /** JSON-serialisable input for the child; must hold `resultFile`. */
  readonly spec: P;
  readonly result: S;
  /** Extra Node flags, e.g. `--cpu-prof`. */
  readonly nodeFlags?: readonly string[];
}

/**
 * Runs one measurement in a fresh Node process, so its memory high-water mark is its own, and returns what it
 * wrote to `spec.resultFile`, validated. The child's output goes straight to this terminal.
 */
export async function runChild<P extends { readonly resultFile: string }, S extends z.ZodType>(
  run: ChildRun<P, S>,
): Promise<z.infer<S>> {
  writeFileSync(run.spec.resultFile, '');
  const args = [...(run.nodeFlags ?? []), '--import', TSX_LOADER, fileURLToPath(run.script), JSON.stringify(run.spec)];
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(signal ? null : code));
  });
  if (exitCode !== 0) throw new MeasurementFailedError(run.name, `child exited with ${exitCode ?? 'a signal'}`);
  const text = readFileSync(run.spec.resultFile, 'utf8');
  if (text === '') throw new MeasurementFailedError(run.name, 'child wrote no result');
  const parsed = run.result.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new MeasurementFailedError(run.name, 'child wrote an invalid result', { cause: parsed.error });
  return parsed.data;
}

/**
 * The body of a child entry module: parses the spec from argv, runs, writes the result. Any failure is printed
 * and turns into exit code 1, which `runChild` reports.
 */
export function childMain<S extends z.ZodType>(
  spec: S,
  run: (spec: z.infer<S>) => Promise<unknown>,
  resultFileOf: (spec: z.infer<S>) => string,
): void {
  const parsed = spec.parse(JSON.parse(process.argv[2] ?? 'null'));
  run(parsed).then(
    (result) => writeFileSync(resultFileOf(parsed), JSON.stringify(result)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
