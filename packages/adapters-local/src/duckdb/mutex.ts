/**
 * Runs async tasks one at a time, in call order. A failed task does not block the ones queued after it.
 *
 * @example
 * const mutex = new AsyncMutex();
 * await mutex.runExclusive(async () => write());
 */
export class AsyncMutex {
  private tail: Promise<unknown> = Promise.resolve();

  runExclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
