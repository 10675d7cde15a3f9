import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLeaks } from '../src/support/planted-pii';
import { auditSummary, type PrivacyRun, runPrivacyAudit } from '../src/support/privacy-run';

let audit: PrivacyRun;

beforeAll(async () => {
  audit = await runPrivacyAudit({ events: 3_000, seed: 11 });
}, 240_000);

afterAll(async () => {
  await audit?.dispose();
  // After dispose: while the local cloud runs, console output is captured into its function log.
  if (audit) process.stdout.write(auditSummary(audit));
});

describe('privacy audit after a run with PII-laden traffic', () => {
  it('planted every kind of PII, and finds nearly all of it in the raw zone (restricted, unmasked by design)', () => {
    expect(new Set(audit.planted.map((p) => p.entity))).toEqual(
      new Set(['CREDIT_CARD', 'EMAIL', 'IBAN', 'PHONE_NUMBER']),
    );
    expect(findLeaks([audit.raw], audit.planted).length).toBeGreaterThan(audit.planted.length * 0.9);
  });

  it('scanned the curated zone, the warehouse, the reports, the dashboard API and the logs', () => {
    const names = audit.sources.map((s) => s.name);
    for (const expected of [
      /^curated\/feedback_submitted\.comment$/,
      /^curated\/attendee_registered\.email$/,
      /^warehouse attendee_registered\.phone$/,
      /^warehouse mv_attendees_by_country\./,
      /^lake reports\//,
      /^GET \/api\//,
      /^log functions\.log$/,
    ]) {
      expect(
        names.some((name) => expected.test(name)),
        String(expected),
      ).toBe(true);
    }
  });

  it('finds no planted e-mail, phone, card number or IBAN anywhere an analyst or operator reads', () => {
    expect(findLeaks(audit.sources, audit.planted)).toEqual([]);
  });

  it('scanned the free-text comments, where phone numbers and IBANs once leaked', () => {
    const comments = audit.sources.filter((s) => s.name.endsWith('.comment'));
    expect(comments.map((s) => s.name)).toContain('curated/feedback_submitted.comment');
    expect(comments.some((s) => s.name.startsWith('warehouse '))).toBe(true);
    const values = audit.planted.filter((p) => p.entity === 'PHONE_NUMBER' || p.entity === 'IBAN');
    expect(findLeaks(comments, values)).toEqual([]);
  });
});
