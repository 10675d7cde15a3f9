import { SluiceError } from '@sluice/core';

/** A query handed to a read-only entry point was not exactly one read-only (SELECT) statement. */
export class ReadOnlyQueryError extends SluiceError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('READ_ONLY_QUERY', message, options);
  }
}

/** A lake location or object key that does not map to a file under the lake root. */
export class LakePathError extends SluiceError {
  constructor(message: string) {
    super('LAKE_PATH', message);
  }
}
