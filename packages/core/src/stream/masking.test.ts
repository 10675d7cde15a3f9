import { describe, expect, it } from 'vitest';
import { defaultMaskingPolicy, maskEvent } from './masking';
import { attendeeRegisteredFixture } from './masking.fixture';

const policy = defaultMaskingPolicy('k'.repeat(32));

describe('maskEvent (curated sink, default policy)', () => {
  it('masks every annotated field and counts what it masked', () => {
    const { masked, counts } = maskEvent(attendeeRegisteredFixture, policy);
    expect(masked.email).toMatch(/^tok_[0-9a-f]{32}$/);
    expect(masked.name).not.toContain('Ada');
    expect(String(masked.phone)).not.toContain('12345678');
    expect(masked.country).toBe('NL');
    expect(counts).toMatchObject({ EMAIL: 1, PERSON_NAME: 1, PHONE_NUMBER: 1 });
  });

  it('gives the same token for the same e-mail, so analysts can join and count distinct', () => {
    const again = maskEvent({ ...attendeeRegisteredFixture, eventId: crypto.randomUUID() }, policy);
    expect(again.masked.email).toBe(maskEvent(attendeeRegisteredFixture, policy).masked.email);
  });
});
