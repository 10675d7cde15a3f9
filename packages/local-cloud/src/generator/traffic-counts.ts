import { EVENT_TYPE_NAMES, type EventType, isEventType } from '@sluice/contracts';
import type { GeneratedRecord } from './generate-events';

/**
 * What a traffic run delivered, counted only over records whose `send` resolved. The pipeline reconciles
 * against it: `produced = loaded + quarantined + duplicates dropped`, and `uniqueValidEventIds` is the number of
 * rows the warehouse should hold.
 */
export interface TrafficCounts {
  readonly produced: number;
  readonly valid: number;
  readonly malformed: number;
  readonly duplicates: number;
  /** Valid records per event type: the rows each event type's table should gain. */
  readonly byEventType: Readonly<Record<EventType, number>>;
  /** Distinct eventIds among valid records. */
  readonly uniqueValidEventIds: number;
}

/**
 * Running tally of delivered records. Keeps every valid eventId (≈100 bytes each) so the unique count is exact
 * rather than assumed; a run of ten million records costs about a gigabyte of it.
 */
export class TrafficTally {
  #produced = 0;
  #valid = 0;
  #malformed = 0;
  #duplicates = 0;
  readonly #byEventType = Object.fromEntries(EVENT_TYPE_NAMES.map((name) => [name, 0])) as Record<EventType, number>;
  readonly #validEventIds = new Set<string>();

  get produced(): number {
    return this.#produced;
  }

  add(records: readonly GeneratedRecord[]): void {
    for (const record of records) {
      this.#produced++;
      if (record.kind === 'malformed') this.#malformed++;
      else if (record.kind === 'duplicate') this.#duplicates++;
      else {
        this.#valid++;
        if (isEventType(record.eventType)) this.#byEventType[record.eventType]++;
        if (record.eventId !== undefined) this.#validEventIds.add(record.eventId);
      }
    }
  }

  snapshot(): TrafficCounts {
    return {
      produced: this.#produced,
      valid: this.#valid,
      malformed: this.#malformed,
      duplicates: this.#duplicates,
      byEventType: { ...this.#byEventType },
      uniqueValidEventIds: this.#validEventIds.size,
    };
  }
}
