/** Why an object was created, named as S3 names it in its "Object Created" events. */
export type ObjectCreatedReason = 'PutObject' | 'CopyObject' | 'CompleteMultipartUpload';

/** Emitted once per committed write, after the object is visible at its final path. */
export interface ObjectCreatedEvent {
  readonly bucket: string;
  readonly key: string;
  readonly size: number;
  /** MD5 hex of the body, without quotes. */
  readonly etag: string;
  /** Increases with every event of the registry; compare as strings (fixed width), as with S3's. */
  readonly sequencer: string;
  readonly reason: ObjectCreatedReason;
}

/** Emitted once per delete that removed an object; deleting a missing key emits nothing. */
export interface ObjectRemovedEvent {
  readonly bucket: string;
  readonly key: string;
  readonly sequencer: string;
  readonly reason: 'DeleteObject';
}

export type Listener<E> = (event: E) => void | Promise<void>;

/** Called with any error a listener throws or rejects with; listeners never fail the write itself. */
export type ListenerErrorHandler = (error: unknown, event: ObjectCreatedEvent | ObjectRemovedEvent) => void;

/**
 * S3 sequencers are hex strings that grow for a given key. These are 16 hex digits seeded from the clock,
 * so they also keep growing across restarts of the local cloud (unless the clock goes back).
 */
export class Sequencer {
  private last = 0n;

  next(): string {
    const fromClock = BigInt(Date.now()) << 16n;
    this.last = fromClock > this.last ? fromClock : this.last + 1n;
    return this.last.toString(16).toUpperCase().padStart(16, '0');
  }
}

export class Listeners<E extends ObjectCreatedEvent | ObjectRemovedEvent> {
  private readonly listeners = new Set<Listener<E>>();

  constructor(private readonly onError: ListenerErrorHandler) {}

  add(listener: Listener<E>): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Calls every listener; a failing listener is reported and does not stop the others. */
  emit(event: E): void {
    for (const listener of this.listeners) {
      try {
        const result = listener(event);
        if (result instanceof Promise) result.catch((error: unknown) => this.onError(error, event));
      } catch (error) {
        this.onError(error, event);
      }
    }
  }
}
