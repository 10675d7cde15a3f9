import type { Listeners, ObjectCreatedEvent, ObjectRemovedEvent, Sequencer } from './events';
import type { KeyLocks } from './key-locks';
import type { StoreLayout } from './layout';

/** What a `FileObjectStore` shares with the other buckets of its `LocalBuckets`. @internal */
export interface StoreContext {
  readonly layout: StoreLayout;
  readonly locks: KeyLocks;
  readonly sequencer: Sequencer;
  readonly created: Listeners<ObjectCreatedEvent>;
  readonly removed: Listeners<ObjectRemovedEvent>;
}
