import { SluiceError } from '@sluice/core';

/** An enrichment SQL file that is missing, or is not exactly one SELECT. */
export class EnrichmentSqlError extends SluiceError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('ENRICHMENT_SQL', message, options);
  }
}
