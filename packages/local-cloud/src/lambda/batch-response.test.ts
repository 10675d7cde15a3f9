import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBatchResponse } from './batch-response';

const batch = ['101', '102', '103', '104'];

describe('readBatchResponse', () => {
  it('resumes at the lowest reported sequence number, whatever the order of the report', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...batch), { minLength: 1 }), (failed) => {
        const response = { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
        expect(readBatchResponse(response, batch)).toEqual({
          kind: 'partial',
          failedIndex: Math.min(...failed.map((sequenceNumber) => batch.indexOf(sequenceNumber))),
        });
      }),
    );
  });

  it('fails the whole batch as soon as one identifier is unusable, even beside valid ones', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...batch)),
        fc.oneof(fc.constant(''), fc.constant(null), fc.constant(42), fc.constant('999')),
        (valid, bad) => {
          const response = {
            batchItemFailures: [...valid.map((itemIdentifier) => ({ itemIdentifier })), { itemIdentifier: bad }],
          };
          expect(readBatchResponse(response, batch).kind).toBe('malformed');
        },
      ),
    );
  });

  it('takes any result without a failure list as success', () => {
    for (const result of [undefined, null, {}, 'done', 7, { batchItemFailures: [] }, { batchItemFailures: null }]) {
      expect(readBatchResponse(result, batch)).toEqual({ kind: 'success' });
    }
  });
});
