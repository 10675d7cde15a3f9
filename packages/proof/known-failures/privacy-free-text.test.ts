import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLeaks } from '../src/support/planted-pii';
import { type PrivacyRun, runPrivacyAudit } from '../src/support/privacy-run';

/**
 * KNOWN FAILURE — not run in CI (this folder is outside the test include of vitest.config.ts).
 * Run: npx vitest run --config packages/proof/known-failures/vitest.config.ts
 *
 * Masking in stream-etl (@sluice/sensitive-data) misses some phone numbers and IBANs that the traffic generator
 * writes into FeedbackSubmitted comments, so they reach the curated zone and the warehouse unmasked. Seen with
 * seed 11 and 3,000 events: 12 of 262 planted phones (e.g. +81704480600 and +97668193331, both valid for
 * libphonenumber; 012-439-3759) and 9 of 26 IBANs (those of countries with national check digits — HR, PT, BE,
 * SK — which the generator makes mod-97 valid but ibantools rejects). Move this file to ../test/ once it passes.
 */
let audit: PrivacyRun;

beforeAll(async () => {
  audit = await runPrivacyAudit({ events: 3_000, seed: 11 });
}, 240_000);

afterAll(async () => {
  await audit?.dispose();
});

describe('privacy audit: free-text comments', () => {
  it('finds no planted phone number or IBAN in the comments of the curated zone or the warehouse', () => {
    const comments = audit.sources.filter((s) => s.name.endsWith('.comment'));
    const values = audit.planted.filter((p) => p.entity === 'PHONE_NUMBER' || p.entity === 'IBAN');
    expect(findLeaks(comments, values)).toEqual([]);
  });
});
