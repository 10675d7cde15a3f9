import { describe, expect, it } from 'vitest';
import type { LogLevel } from './log';
import { privateLog } from './private-log';

describe('privateLog', () => {
  it('redacts e-mails, phones, cards and IBANs in the message and in nested string fields, keeping the rest', () => {
    const lines: { level: LogLevel; message: string; fields?: Record<string, unknown> }[] = [];
    const log = privateLog((level, message, fields) => lines.push({ level, message, fields }));
    log('error', 'record failed for ada@example.org', {
      error: 'TypeError: cannot mask +44 20 7946 0958',
      detail: { card: 'paid with 4111 1111 1111 1111', iban: 'GB82 WEST 1234 5698 7654 32' },
      shardId: 'shardId-000000000001',
      count: 3,
    });
    const [line] = lines;
    const text = JSON.stringify(line);
    for (const secret of ['ada@example.org', '7946 0958', '4111 1111 1111 1111', 'GB82 WEST']) {
      expect(text).not.toContain(secret);
    }
    expect(line?.message).toBe('record failed for [EMAIL]');
    expect(line?.fields).toMatchObject({ shardId: 'shardId-000000000001', count: 3 });
  });
});
