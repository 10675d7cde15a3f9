/**
 * Serialises the commit step (rename data, rename sidecar) per object, so an object's file and its
 * sidecar always come from the same write even when two writers race. Uploads themselves run unlocked.
 */
export class KeyLocks {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(id: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(id) ?? Promise.resolve();
    const current = previous.then(task, task);
    const tail = current.catch(() => undefined);
    this.tails.set(id, tail);
    try {
      return await current;
    } finally {
      if (this.tails.get(id) === tail) this.tails.delete(id);
    }
  }
}
