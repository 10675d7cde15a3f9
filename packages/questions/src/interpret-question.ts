import { buildSql, type ChartKind, IncompatibleFieldsError } from './build-sql';
import { parseQuestion, type QuestionIntent } from './parse-question';
import { CONFERENCE_TOPIC, type Topic } from './topic';

/** A question turned into SQL, with how to show its answer and what was understood. */
export interface QuestionPlan {
  readonly ok: true;
  readonly question: string;
  readonly sql: string;
  readonly chart: ChartKind;
  readonly categoryColumn?: string;
  readonly valueColumn: string;
  /** The question as understood, in words ("check ins by session, in Europe, top 5"). */
  readonly understood: string;
  readonly intent: QuestionIntent;
}

/** A question that could not be answered, with why and what can be asked instead. */
export interface QuestionNotUnderstood {
  readonly ok: false;
  readonly question: string;
  readonly message: string;
  readonly unknownWords: readonly string[];
  readonly canAsk: readonly string[];
}

export interface InterpretOptions {
  readonly topic?: Topic;
  /** The clock for relative dates ("last week"). */
  readonly now: Date;
}

/** What the topic understands, as lines for a help message. */
export function whatCanBeAsked(topic: Topic): string[] {
  const words = (synonyms: readonly string[]) => synonyms.slice(0, 3).join(' / ');
  return [
    `Measures: ${topic.measures.map((m) => words(m.synonyms)).join('; ')}`,
    `Group by: ${topic.dimensions.map((d) => words(d.synonyms)).join('; ')}; per day, week or month`,
    'Filters: a country ("NL", "Germany", "Dutch"), a region ("Europe", "South America"), a ticket type ' +
      '("VIP", "student"), a session ("sess-001")',
    'Time: today, yesterday, this week, last week, last 7 days, this month, last month, since 2026-11-20, on 2026-11-24',
    'Ranking: top 5 …, bottom 3 …',
    `Examples: ${topic.examples.map((e) => `"${e}"`).join(', ')}`,
  ];
}

function describe(intent: QuestionIntent): string {
  const parts = [intent.measure.label.replace('_', ' ')];
  const group = intent.groupBy;
  if (group && 'dimension' in group) parts.push(`by ${group.dimension.label.replace('_', ' ')}`);
  if (group && 'granularity' in group) parts.push(`per ${group.granularity.id}`);
  for (const filter of intent.filters) parts.push(`${filter.dimension.label.replace('_', ' ')} ${filter.label}`);
  if (intent.dateRange) parts.push(intent.dateRange.label);
  if (intent.rank) parts.push(`${intent.rank.direction === 'desc' ? 'top' : 'bottom'} ${intent.rank.limit}`);
  return parts.join(', ');
}

/**
 * Turns a question in plain language into SQL over the warehouse, like a QuickSight Q topic: offline,
 * deterministic for a given `now`, and injection-proof (the SQL holds topic identifiers and whitelisted
 * values only; words outside the topic are reported, never copied into SQL).
 *
 * @example
 * const plan = interpretQuestion('top 5 sessions by check-ins in Europe', { now: new Date() });
 * if (plan.ok) await warehouse.query(plan.sql);
 */
export function interpretQuestion(question: string, options: InterpretOptions): QuestionPlan | QuestionNotUnderstood {
  const topic = options.topic ?? CONFERENCE_TOPIC;
  const notUnderstood = (message: string, unknownWords: readonly string[] = []): QuestionNotUnderstood => ({
    ok: false,
    question,
    message,
    unknownWords,
    canAsk: whatCanBeAsked(topic),
  });
  if (question.trim().length === 0) return notUnderstood('Ask a question about the conference.');
  if (question.length > 300) return notUnderstood('That question is too long; keep it under 300 characters.');
  const parsed = parseQuestion(topic, question, options.now);
  if (!parsed.ok) return notUnderstood(parsed.reason, parsed.unknownWords);
  try {
    const spec = buildSql(parsed.intent);
    return { ok: true, question, ...spec, understood: describe(parsed.intent), intent: parsed.intent };
  } catch (error) {
    if (error instanceof IncompatibleFieldsError) return notUnderstood(error.message);
    throw error;
  }
}
