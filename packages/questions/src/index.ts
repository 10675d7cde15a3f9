export { buildSql, type ChartKind, IncompatibleFieldsError, MAX_GROUPS, type QuerySpec } from './build-sql';
export { type CountryEntry, countries, regions } from './countries';
export {
  type InterpretOptions,
  interpretQuestion,
  type QuestionNotUnderstood,
  type QuestionPlan,
  whatCanBeAsked,
} from './interpret-question';
export { type ParseOutcome, parseQuestion, type QuestionIntent, type ValueFilter } from './parse-question';
export { type DateRange, readDateRange } from './time-range';
export { tokenize } from './tokens';
export * from './topic';
