import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PUBLISHED_SCHEMAS, type PublishedSchemaName } from './json-schema';
import { parseWith } from './validation';

/** Which schema each checked-in fixture is an instance of. Every fixture must be listed. */
const FIXTURE_SCHEMAS: Record<string, PublishedSchemaName> = {
  'attendee-registered.json': 'AttendeeRegistered',
  'session-checked-in.json': 'SessionCheckedIn',
  'feedback-submitted.json': 'FeedbackSubmitted',
  'kinesis-stream-event.json': 'KinesisStreamEvent',
  'http-api-post-events.json': 'HttpApiEvent',
  'http-api-get-attendees-by-country.json': 'HttpApiEvent',
  's3-object-created.json': 'S3ObjectCreated',
  'partitions-registered.json': 'PartitionsRegistered',
  'warehouse-loaded.json': 'WarehouseLoaded',
  'records-quarantined.json': 'RecordsQuarantined',
  'scheduled-event.json': 'ScheduledEvent',
  'load-warehouse-input.json': 'LoadWarehouseInput',
};

const fixturesDir = new URL('../fixtures/', import.meta.url);
const readFixture = (name: string): unknown => JSON.parse(readFileSync(new URL(name, fixturesDir), 'utf8'));

describe('checked-in fixtures', () => {
  it('every fixture file has a schema', () => {
    expect(readdirSync(fixturesDir).sort()).toEqual(Object.keys(FIXTURE_SCHEMAS).sort());
  });

  it.each(Object.entries(FIXTURE_SCHEMAS))('%s validates against %s', (file, schema) => {
    const parsed = parseWith(PUBLISHED_SCHEMAS[schema], readFixture(file));
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
  });

  it('the domain events in the Kinesis and HTTP fixtures are themselves valid events', () => {
    const kinesis = readFixture('kinesis-stream-event.json') as { Records: { kinesis: { data: string } }[] };
    for (const record of kinesis.Records) {
      const event = JSON.parse(Buffer.from(record.kinesis.data, 'base64').toString('utf8'));
      expect(parseWith(PUBLISHED_SCHEMAS.DomainEvent, event).ok).toBe(true);
    }
    const http = readFixture('http-api-post-events.json') as { body: string };
    for (const event of JSON.parse(http.body).events) {
      expect(parseWith(PUBLISHED_SCHEMAS.DomainEvent, event).ok).toBe(true);
    }
  });
});
