import { z } from 'zod';
import { AttendeeRegisteredV1, DomainEvent, FeedbackSubmittedV1, SessionCheckedInV1 } from './domain/attendee-events';
import { HttpApiEvent } from './lambda/http-api-event';
import { KinesisStreamEvent } from './lambda/kinesis-event';
import { ScheduledEvent } from './lambda/scheduled-event';
import { LoadWarehouseInput } from './lambda/state-machine-tasks';
import { PartitionsRegistered, RecordsQuarantined, WarehouseLoaded } from './pipeline/pipeline-events';
import { S3ObjectCreated } from './pipeline/s3-object-created';

/** Every published schema by name; the JSON Schema files in `json-schema/` are generated from this. */
export const PUBLISHED_SCHEMAS = {
  DomainEvent,
  AttendeeRegistered: AttendeeRegisteredV1,
  SessionCheckedIn: SessionCheckedInV1,
  FeedbackSubmitted: FeedbackSubmittedV1,
  S3ObjectCreated,
  PartitionsRegistered,
  WarehouseLoaded,
  RecordsQuarantined,
  KinesisStreamEvent,
  HttpApiEvent,
  ScheduledEvent,
  LoadWarehouseInput,
} as const satisfies Record<string, z.ZodType>;

export type PublishedSchemaName = keyof typeof PUBLISHED_SCHEMAS;

/** JSON Schema (draft 2020-12) for one published schema; sensitivity annotations appear as `x-sensitive`. */
export function jsonSchemaOf(name: PublishedSchemaName): Record<string, unknown> {
  return z.toJSONSchema(PUBLISHED_SCHEMAS[name], { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
