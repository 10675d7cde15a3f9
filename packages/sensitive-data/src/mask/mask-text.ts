import { applyAction } from '../actions/apply';
import type { Sink } from '../policy/actions';
import type { SensitiveDataPolicy } from '../policy/policy';
import { addCount, type EntityCounts, emptyCounts } from './counts';

/**
 * Scans a free text and replaces each finding per its entity's action in `sink`: `[EMAIL]`, `tok_…`, a
 * partial mask, nothing (`omit` removes the span and one neighbouring blank), or the value itself (`audit`).
 *
 * @example
 * maskText('Call me on +44 20 7946 0958', policy, 'curated').text; // 'Call me on tok_…'
 */
export function maskText(
  text: string,
  policy: SensitiveDataPolicy,
  sink: Sink,
  counts: EntityCounts = emptyCounts(),
): { text: string; counts: EntityCounts } {
  const findings = policy.scanner.scan(text);
  if (findings.length === 0) return { text, counts };
  let masked = '';
  let cursor = 0;
  for (const finding of findings) {
    addCount(counts, finding.entity);
    const value = text.slice(finding.start, finding.end);
    const replacement = applyAction(value, finding.entity, policy.actionFor(sink, finding.entity), policy);
    let before = text.slice(cursor, finding.start);
    cursor = finding.end;
    if (replacement === undefined) {
      // "mail ada@example.com now" becomes "mail now", not "mail  now".
      if (before.endsWith(' ') && (text[cursor] === ' ' || cursor === text.length)) before = before.slice(0, -1);
      masked += before;
    } else {
      masked += before + replacement;
    }
  }
  return { text: masked + text.slice(cursor), counts };
}
