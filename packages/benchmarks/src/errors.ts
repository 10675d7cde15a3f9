import { SluiceError } from '@sluice/core';

/** Base of the benchmarks' errors. */
export class BenchmarkError extends SluiceError {}

/** A measurement child process exited with an error or wrote no result; its stderr was shown as it ran. */
export class MeasurementFailedError extends BenchmarkError {
  constructor(
    readonly measurement: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super('MEASUREMENT_FAILED', `${measurement} failed: ${detail}`, options);
  }
}
