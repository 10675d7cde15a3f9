import { EVENT_TYPE_NAMES, type EventType } from '@sluice/contracts';
import { z } from 'zod';

/**
 * What the stream pipeline does with one event type. Every stage runs by default; switch one off per event
 * type, e.g. `{"eventTypes":{"SessionCheckedIn":{"deduplicateAcrossBatches":false}}}` to save the
 * idempotency store's reads and writes where the warehouse MERGE by eventId is enough.
 */
export const EventTypePipelineConfig = z
  .object({
    /** Drop events whose eventId an earlier batch already wrote (the idempotency store). */
    deduplicateAcrossBatches: z.boolean().default(true),
    /** Join with reference data through the event type's `<table>.sql`. */
    enrich: z.boolean().default(true),
    /** Also write the unmasked, restricted raw zone. */
    writeRaw: z.boolean().default(true),
  })
  .strict();
export type EventTypePipelineConfig = z.infer<typeof EventTypePipelineConfig>;

export const StreamPipelineConfig = z
  .object({
    eventTypes: z
      .partialRecord(z.enum(EVENT_TYPE_NAMES as [EventType, ...EventType[]]), EventTypePipelineConfig)
      .default({}),
  })
  .strict();
export type StreamPipelineConfig = z.infer<typeof StreamPipelineConfig>;

const DEFAULTS = EventTypePipelineConfig.parse({});

/** The effective settings of one event type (its own, else the defaults). */
export function pipelineConfigFor(config: StreamPipelineConfig, eventType: EventType): EventTypePipelineConfig {
  return config.eventTypes[eventType] ?? DEFAULTS;
}
