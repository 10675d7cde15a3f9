/** How Lambda reads a function's result when ReportBatchItemFailures is on. */
export type BatchOutcome =
  | { readonly kind: 'success' }
  /** Records before `failedIndex` succeeded; retry from it. */
  | { readonly kind: 'partial'; readonly failedIndex: number }
  /** The response is not a valid partial-batch response: the whole batch failed. */
  | { readonly kind: 'malformed'; readonly reason: string };

/**
 * Interprets `{ batchItemFailures: [{ itemIdentifier }] }` against the batch's sequence numbers, by the
 * rules of "Configuring partial batch response with Kinesis": null or an empty list is success; the
 * lowest failed sequence number is where processing resumes; an empty, null, unknown or misnamed
 * identifier fails the whole batch.
 *
 * @example
 * ```ts
 * readBatchResponse({ batchItemFailures: [{ itemIdentifier: '49…02' }] }, ['49…01', '49…02', '49…03']);
 * // { kind: 'partial', failedIndex: 1 }
 * ```
 */
export function readBatchResponse(result: unknown, sequenceNumbers: readonly string[]): BatchOutcome {
  // A null or empty EventResponse, or one without the list, reports no failure.
  if (typeof result !== 'object' || result === null || !('batchItemFailures' in result)) return { kind: 'success' };
  const failures: unknown = result.batchItemFailures;
  if (failures === null || failures === undefined) return { kind: 'success' };
  if (!Array.isArray(failures)) return { kind: 'malformed', reason: 'batchItemFailures is not a list' };
  if (failures.length === 0) return { kind: 'success' };
  const indexOf = new Map(sequenceNumbers.map((sequenceNumber, index) => [sequenceNumber, index]));
  let failedIndex = Number.POSITIVE_INFINITY;
  for (const failure of failures) {
    const identifier: unknown =
      typeof failure === 'object' && failure !== null && 'itemIdentifier' in failure
        ? failure.itemIdentifier
        : undefined;
    if (typeof identifier !== 'string' || identifier === '') {
      return { kind: 'malformed', reason: `itemIdentifier missing or empty in ${JSON.stringify(failure)}` };
    }
    const index = indexOf.get(identifier);
    if (index === undefined) return { kind: 'malformed', reason: `itemIdentifier ${identifier} is not in the batch` };
    failedIndex = Math.min(failedIndex, index);
  }
  return { kind: 'partial', failedIndex };
}
