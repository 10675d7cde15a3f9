import { createHmac } from 'node:crypto';
import { ENTITY_TYPES } from '@sluice/contracts';
import type { CountryCode } from 'libphonenumber-js/max';
import { z } from 'zod';
import { type CustomPattern, compilePattern } from '../detectors/custom-pattern';
import {
  createPhoneValidator,
  DEFAULT_PHONE_REGIONS,
  type PhoneValidator,
  unsupportedRegions,
} from '../detectors/phone-number';
import { InvalidPolicyError, SensitiveDataError } from '../errors';
import { createScanner, type Scanner } from '../scan/scanner';
import type { EntityName, SensitiveEntity } from '../types';
import {
  CARD_MAX_KEEP_LEFT,
  CARD_MAX_KEEP_RIGHT,
  defaultPartial,
  type FreeTextAction,
  type MaskAction,
  SINKS,
  type Sink,
} from './actions';
import { DEFAULT_SINK_ACTIONS, type SinkActions } from './defaults';

// The contract's entity types are the source of truth; FREE_TEXT marks a field to scan, not an entity.
const BUILT_IN_ENTITIES: readonly SensitiveEntity[] = ENTITY_TYPES.filter(
  (entity): entity is SensitiveEntity => entity !== 'FREE_TEXT',
);
const MIN_KEY_LENGTH = 32;

const actionConfigSchema = z.union([
  z.enum(['omit', 'redact', 'hash', 'audit', 'partial']),
  z.strictObject({
    action: z.literal('partial'),
    keepLeft: z.int().min(0).max(64).optional(),
    keepRight: z.int().min(0).max(64).optional(),
    keepDomain: z.boolean().optional(),
  }),
]);
export type ActionConfig = z.input<typeof actionConfigSchema>;

const sinkConfigSchema = z.strictObject({
  freeText: z.enum(['scan', 'omit', 'redact', 'audit']).optional(),
  actions: z.record(z.string(), actionConfigSchema).optional(),
  otherEntities: actionConfigSchema.optional(),
});

const customPatternSchema = z.strictObject({
  name: z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/, 'must be UPPER_SNAKE_CASE'),
  pattern: z.union([z.string().min(1), z.instanceof(RegExp)]),
  contextWords: z.array(z.string().min(1)).optional(),
  validate: z
    .union([z.enum(['luhn', 'mod97']), z.custom<(match: string) => boolean>((value) => typeof value === 'function')])
    .optional(),
  confidence: z.number().min(0).max(1).optional(),
});

/**
 * The policy as written in config. Only `hmacKey` is required (a deploy-time secret: from Secrets Manager
 * or KMS on AWS, never defaulted); every sink falls back to {@link DEFAULT_SINK_ACTIONS} for what it does
 * not say.
 */
export const policyConfigSchema = z
  .strictObject({
    hmacKey: z.string().min(MIN_KEY_LENGTH, `must be at least ${MIN_KEY_LENGTH} characters`),
    phoneRegions: z.array(z.string()).min(1).optional(),
    customPatterns: z.array(customPatternSchema).optional(),
    sinks: z
      .strictObject({
        curated: sinkConfigSchema.optional(),
        warehouse: sinkConfigSchema.optional(),
        logs: sinkConfigSchema.optional(),
      })
      .optional(),
  })
  .superRefine((config, context) => {
    const customNames = (config.customPatterns ?? []).map((custom) => custom.name);
    const known = new Set<string>([...BUILT_IN_ENTITIES, ...customNames]);
    customNames.forEach((name, index) => {
      if (BUILT_IN_ENTITIES.includes(name as SensitiveEntity) || name === 'FREE_TEXT') {
        context.addIssue({ code: 'custom', path: ['customPatterns', index, 'name'], message: `${name} is built in` });
      } else if (customNames.indexOf(name) !== index) {
        context.addIssue({ code: 'custom', path: ['customPatterns', index, 'name'], message: `${name} is repeated` });
      }
    });
    (config.customPatterns ?? []).forEach((custom, index) => {
      try {
        compilePattern(custom.name, custom.pattern);
      } catch (error) {
        const message = error instanceof SensitiveDataError ? error.message : String(error);
        context.addIssue({ code: 'custom', path: ['customPatterns', index, 'pattern'], message });
      }
    });
    for (const region of unsupportedRegions(config.phoneRegions ?? [])) {
      context.addIssue({ code: 'custom', path: ['phoneRegions'], message: `unknown region ${region}` });
    }
    for (const sink of SINKS) {
      for (const [entity, action] of Object.entries(config.sinks?.[sink]?.actions ?? {})) {
        const path = ['sinks', sink, 'actions', entity];
        if (!known.has(entity)) context.addIssue({ code: 'custom', path, message: `unknown entity ${entity}` });
        if (entity === 'CREDIT_CARD' && typeof action === 'object') {
          if ((action.keepLeft ?? 0) > CARD_MAX_KEEP_LEFT || (action.keepRight ?? 0) > CARD_MAX_KEEP_RIGHT) {
            context.addIssue({ code: 'custom', path, message: 'cards keep at most the first 6 and last 4 digits' });
          }
        }
      }
    }
  });
export type SensitiveDataPolicyConfig = z.input<typeof policyConfigSchema>;

/** A validated policy, with its scanner and phone validator built once. The key stays inside `tokenize`. */
export interface SensitiveDataPolicy {
  readonly scanner: Scanner;
  readonly phoneValidator: PhoneValidator;
  readonly phoneRegions: readonly CountryCode[];
  readonly customPatterns: readonly CustomPattern[];
  actionFor(sink: Sink, entity: EntityName): MaskAction;
  freeTextAction(sink: Sink): FreeTextAction;
  /** Whether an annotation names an entity this policy can mask (built in or a custom pattern). */
  isKnownEntity(entity: string): boolean;
  /** `tok_` + 32 hex digits of HMAC-SHA256(key, entity + NUL + normalised value). */
  tokenize(normalisedValue: string, entity: EntityName): string;
}

function toAction(config: ActionConfig, entity: EntityName): MaskAction {
  if (config === 'partial') return defaultPartial(entity);
  if (typeof config === 'string') return { kind: config };
  const defaults = defaultPartial(entity);
  return {
    kind: 'partial',
    keepLeft: config.keepLeft ?? defaults.keepLeft,
    keepRight: config.keepRight ?? defaults.keepRight,
    keepDomain: config.keepDomain ?? defaults.keepDomain,
  };
}

function resolveSink(sink: Sink, config: z.output<typeof sinkConfigSchema> | undefined): SinkActions {
  const defaults = DEFAULT_SINK_ACTIONS[sink];
  const actions: Partial<Record<EntityName, MaskAction>> = { ...defaults.actions };
  for (const [entity, action] of Object.entries(config?.actions ?? {})) actions[entity] = toAction(action, entity);
  return {
    freeText: config?.freeText ?? defaults.freeText,
    actions,
    otherEntities: config?.otherEntities ? toAction(config.otherEntities, 'OTHER') : defaults.otherEntities,
  };
}

function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

/**
 * Validates a policy config and builds the policy, failing fast with every problem listed.
 *
 * @example
 * const policy = parseSensitiveDataPolicy({
 *   hmacKey: secrets.maskingKey,
 *   phoneRegions: ['US', 'GB'],
 *   customPatterns: [{ name: 'EMPLOYEE_ID', pattern: 'EMP-\\d{6}' }],
 *   sinks: { warehouse: { actions: { EMAIL: { action: 'partial', keepDomain: true } } } },
 * });
 * @throws {InvalidPolicyError} when the config is invalid.
 */
export function parseSensitiveDataPolicy(input: unknown): SensitiveDataPolicy {
  const parsed = policyConfigSchema.safeParse(input);
  if (!parsed.success) throw new InvalidPolicyError(formatIssues(parsed.error), { cause: parsed.error });
  const config = parsed.data;
  const phoneRegions = (config.phoneRegions ?? DEFAULT_PHONE_REGIONS) as readonly CountryCode[];
  const customPatterns: readonly CustomPattern[] = config.customPatterns ?? [];
  const sinks = Object.fromEntries(SINKS.map((sink) => [sink, resolveSink(sink, config.sinks?.[sink])])) as Record<
    Sink,
    SinkActions
  >;
  const known = new Set<string>([...BUILT_IN_ENTITIES, ...customPatterns.map((custom) => custom.name)]);
  const key = config.hmacKey;
  return {
    scanner: createScanner({ phoneRegions, customPatterns }),
    phoneValidator: createPhoneValidator(phoneRegions),
    phoneRegions,
    customPatterns,
    actionFor: (sink, entity) => sinks[sink].actions[entity] ?? sinks[sink].otherEntities,
    freeTextAction: (sink) => sinks[sink].freeText,
    isKnownEntity: (entity) => known.has(entity),
    tokenize: (normalisedValue, entity) =>
      `tok_${createHmac('sha256', key).update(`${entity}\u0000${normalisedValue}`).digest('hex').slice(0, 32)}`,
  };
}
