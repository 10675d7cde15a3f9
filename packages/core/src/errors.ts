/** Base of Sluice's error hierarchy: every error has a stable code and keeps its cause. */
export class SluiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Configuration missing or invalid; lists every problem at once. */
export class ConfigurationError extends SluiceError {
  constructor(readonly problems: string[]) {
    super('CONFIGURATION', `invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}
