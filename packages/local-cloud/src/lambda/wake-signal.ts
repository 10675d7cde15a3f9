/**
 * Wakes one waiting poller. A notification that arrives while nobody waits is remembered, so records
 * appended while the poller was busy are not slept through.
 *
 * @example
 * ```ts
 * const wake = new WakeSignal();
 * store.onRecordsAppended(() => wake.notify());
 * await wake.wait(200); // resolves on the next notification, or after 200 ms
 * ```
 */
export class WakeSignal {
  private pending = false;
  private waiter: (() => void) | undefined;

  notify(): void {
    const waiter = this.waiter;
    if (waiter === undefined) {
      this.pending = true;
      return;
    }
    waiter();
  }

  /** Resolves at the next notification (or a remembered one), or after `timeoutMs` when given. */
  wait(timeoutMs?: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        clearTimeout(timer);
        this.waiter = undefined;
        resolve();
      };
      this.waiter = done;
      if (timeoutMs !== undefined) timer = setTimeout(done, Math.max(0, timeoutMs));
    });
  }
}
