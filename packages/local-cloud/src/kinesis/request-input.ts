import { SerializationError } from './errors';
import { validationError, violation } from './limits';

interface StringRules {
  readonly required?: boolean;
  readonly min?: number;
  readonly max?: number;
  /** Anchored automatically; `source` is quoted in the error as AWS quotes the model's pattern. */
  readonly pattern?: RegExp;
  readonly enum?: readonly string[];
}

interface NumberRules {
  readonly required?: boolean;
  readonly min?: number;
  readonly max?: number;
}

/**
 * Reads the members of a JSON 1.1 request body, checking them against the API model the way Kinesis
 * does: a member of the wrong JSON type fails at once (SerializationException), while constraint
 * violations are collected and reported together by `done()` (ValidationException,
 * "2 validation errors detected: …").
 */
export class RequestInput {
  constructor(
    private readonly body: Record<string, unknown>,
    private readonly pathPrefix = '',
    private readonly violations: string[] = [],
  ) {}

  /** Parses a request body; anything but a JSON object is a SerializationException. */
  static parse(text: string): RequestInput {
    if (text.trim() === '') return new RequestInput({});
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new SerializationError('Request body is not valid JSON');
    }
    if (!isObject(parsed)) throw new SerializationError('Request body must be a JSON object');
    return new RequestInput(parsed);
  }

  string(member: string, rules: StringRules = {}): string | undefined {
    const value = this.present(member, rules.required);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw this.typeError(member, 'string');
    const path = this.path(member);
    if (rules.min !== undefined && value.length < rules.min) {
      this.violations.push(violation(value, path, `Member must have length greater than or equal to ${rules.min}`));
    }
    if (rules.max !== undefined && value.length > rules.max) {
      this.violations.push(violation(value, path, `Member must have length less than or equal to ${rules.max}`));
    }
    if (rules.pattern !== undefined && !anchored(rules.pattern).test(value)) {
      this.violations.push(
        violation(value, path, `Member must satisfy regular expression pattern: ${rules.pattern.source}`),
      );
    }
    if (rules.enum !== undefined && !rules.enum.includes(value)) {
      this.violations.push(violation(value, path, `Member must satisfy enum value set: [${rules.enum.join(', ')}]`));
    }
    return value;
  }

  integer(member: string, rules: NumberRules = {}): number | undefined {
    const value = this.present(member, rules.required);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) throw this.typeError(member, 'integer');
    const path = this.path(member);
    if (rules.min !== undefined && value < rules.min) {
      this.violations.push(violation(value, path, `Member must have value greater than or equal to ${rules.min}`));
    }
    if (rules.max !== undefined && value > rules.max) {
      this.violations.push(violation(value, path, `Member must have value less than or equal to ${rules.max}`));
    }
    return value;
  }

  /** A JSON 1.1 timestamp (epoch seconds, possibly fractional), returned in epoch milliseconds. */
  timestampMillis(member: string, rules: { required?: boolean } = {}): number | undefined {
    const value = this.present(member, rules.required);
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw this.typeError(member, 'timestamp');
    return Math.round(value * 1000);
  }

  /** A base64 blob, decoded. */
  blob(member: string, rules: { required?: boolean } = {}): Buffer | undefined {
    const value = this.present(member, rules.required);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw this.typeError(member, 'base64-encoded blob');
    const decoded = Buffer.from(value, 'base64');
    // Node's decoder skips characters outside the alphabet (and stops at a stray '='), so a shorter
    // result than the length implies means bad input, which AWS refuses. Checking lengths instead of
    // matching a regular expression keeps this off the profile of a 500-record PutRecords.
    const urlSafe = value.includes('-') || value.includes('_'); // Node accepts base64url too; AWS does not
    if (value.length % 4 !== 0 || decoded.length !== decodedLength(value) || urlSafe) {
      throw this.typeError(member, 'base64-encoded blob');
    }
    return decoded;
  }

  /** A list of structures, each read with its own RequestInput (paths like `records.1.member.data`). */
  structures(member: string, rules: { required?: boolean } = {}): RequestInput[] | undefined {
    const value = this.present(member, rules.required);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) throw this.typeError(member, 'list');
    return value.map((item, index) => {
      const itemPath = `${this.path(member)}.${index + 1}.member`;
      if (!isObject(item)) throw new SerializationError(`Expected a structure at '${itemPath}'`);
      return new RequestInput(item, `${itemPath}.`, this.violations);
    });
  }

  /** A nested structure. */
  structure(member: string): RequestInput | undefined {
    const value = this.present(member, false);
    if (value === undefined) return undefined;
    if (!isObject(value)) throw this.typeError(member, 'structure');
    return new RequestInput(value, `${this.path(member)}.`, this.violations);
  }

  /** Throws the collected constraint violations, if any. */
  done(): void {
    if (this.violations.length > 0) throw validationError(this.violations);
  }

  private present(member: string, required = false): unknown {
    const value = this.body[member];
    if (value === undefined || value === null) {
      if (required) this.violations.push(violation(null, this.path(member), 'Member must not be null'));
      return undefined;
    }
    return value;
  }

  /** AWS names members in messages in lower camel case, with list members as `records.1.member`. */
  private path(member: string): string {
    return `${this.pathPrefix}${member.charAt(0).toLowerCase()}${member.slice(1)}`;
  }

  private typeError(member: string, expected: string): SerializationError {
    return new SerializationError(`Expected a ${expected} at '${this.path(member)}'`);
  }
}

const anchoredPatterns = new WeakMap<RegExp, RegExp>();

/** The model's patterns must match whole values, as AWS applies them. */
function anchored(pattern: RegExp): RegExp {
  let whole = anchoredPatterns.get(pattern);
  if (whole === undefined) {
    whole = new RegExp(`^(?:${pattern.source})$`);
    anchoredPatterns.set(pattern, whole);
  }
  return whole;
}

/** Bytes a well-formed base64 string of this length and padding decodes to. */
function decodedLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
