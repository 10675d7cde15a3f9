import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type ScalarTag } from 'yaml';
import type { ResolverContext } from './resolve-definition';

/**
 * Test support: the catalog-updater's state machine as `serverless print --format json` would give it, read from the
 * service's real serverless.yml without running serverless. CloudFormation tags stay intrinsic objects; the
 * serverless variables the definition uses (`${self:…}`, `${sls:stage}`, `${file(…):…}`) are substituted here.
 */
const SERVICE_DIR = fileURLToPath(new URL('../../../../services/catalog-updater/', import.meta.url));
const STAGE = 'dev';

const intrinsicTags: ScalarTag[] = [
  { tag: '!Ref', resolve: (value) => ({ Ref: value }) },
  { tag: '!Sub', resolve: (value) => ({ 'Fn::Sub': value }) },
  {
    tag: '!GetAtt',
    resolve: (value) => {
      const dot = value.indexOf('.');
      return { 'Fn::GetAtt': [value.slice(0, dot), value.slice(dot + 1)] };
    },
  },
];

function readYaml(path: string): unknown {
  return parse(readFileSync(path, 'utf8'), { customTags: intrinsicTags });
}

export interface CatalogUpdaterMachine {
  /** The state machine's deployed name, `sluice-dev-catalog-update`. */
  readonly name: string;
  readonly definition: unknown;
  readonly functionKeys: readonly string[];
}

export function loadCatalogUpdaterMachine(): CatalogUpdaterMachine {
  const serverlessYml = join(SERVICE_DIR, 'serverless.yml');
  const config = readYaml(serverlessYml);
  const variables = new ServerlessVariables(config, dirname(serverlessYml));
  const machine = at(config, ['stepFunctions', 'stateMachines', 'catalogUpdate']);
  return {
    name: String(variables.resolve(at(machine, ['name']))),
    definition: variables.resolve(at(machine, ['definition'])),
    functionKeys: Object.keys(asRecord(at(config, ['functions']))),
  };
}

/** The local cloud's resolver context for the catalog-updater, as the composition root will build it. */
export function catalogUpdaterContext(functionKeys: readonly string[]): ResolverContext {
  const region = 'us-east-1';
  const accountId = '000000000000';
  return {
    region,
    accountId,
    partition: 'aws',
    functionArn: (key) =>
      functionKeys.includes(key)
        ? `arn:aws:lambda:${region}:${accountId}:function:sluice-catalog-updater-${STAGE}-${key}`
        : undefined,
    refs: { FailedObjectsQueue: `http://127.0.0.1:9324/${accountId}/sluice-${STAGE}-catalog-failed-objects` },
  };
}

/** The few serverless variable sources the service uses; anything else fails the test loudly. */
class ServerlessVariables {
  constructor(
    private readonly config: unknown,
    private readonly baseDir: string,
  ) {}

  resolve(value: unknown): unknown {
    if (typeof value === 'string') return this.#resolveString(value);
    if (Array.isArray(value)) return value.map((item) => this.resolve(item));
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, this.resolve(child)]));
    }
    return value;
  }

  #resolveString(text: string): unknown {
    const whole = /^\$\{([^{}]+)\}$/.exec(text)?.[1];
    if (whole !== undefined && isServerlessVariable(whole)) return this.resolve(this.#lookup(whole));
    // `${AWS::Region}` and friends belong to CloudFormation's Fn::Sub and stay as they are.
    return text.replace(/\$\{([^{}]+)\}/g, (match, expression: string) =>
      isServerlessVariable(expression) ? String(this.resolve(this.#lookup(expression))) : match,
    );
  }

  #lookup(expression: string): unknown {
    if (expression === 'sls:stage') return STAGE;
    if (expression.startsWith('self:')) return this.#walk(this.config, expression.slice('self:'.length).split('.'));
    const file = /^file\(([^)]+)\):(.+)$/.exec(expression);
    if (file?.[1] !== undefined && file[2] !== undefined) {
      return this.#walk(readYaml(join(this.baseDir, file[1])), file[2].split('.'));
    }
    throw new Error(`serverless variable \${${expression}} is not supported by the test fixture`);
  }

  /** Walks a path, following variables met on the way (`custom.names` is itself `${file(…):names}`). */
  #walk(root: unknown, path: readonly string[]): unknown {
    return path.reduce((node, key) => this.#follow(at(this.#follow(node), [key])), root);
  }

  /** A value that is a whole variable, replaced by what it points to (not resolved deeper: that would recurse). */
  #follow(value: unknown): unknown {
    const whole = typeof value === 'string' ? /^\$\{([^{}]+)\}$/.exec(value)?.[1] : undefined;
    return whole !== undefined && isServerlessVariable(whole) ? this.#follow(this.#lookup(whole)) : value;
  }
}

function isServerlessVariable(expression: string): boolean {
  return /^(self:|sls:|file\()/.test(expression);
}

function at(node: unknown, path: readonly string[]): unknown {
  return path.reduce((current, key) => {
    const value = asRecord(current)[key];
    if (value === undefined) throw new Error(`serverless.yml has no ${path.join('.')}`);
    return value;
  }, node);
}

function asRecord(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null) throw new Error('expected a mapping in serverless.yml');
  return value as Record<string, unknown>;
}

/** The EventBridge "Object Created" event that starts the machine on AWS, for a curated object. */
export function objectCreatedEvent(key = 'curated/events/dt=2026-11-25/country=PT/part-0001.parquet') {
  return {
    version: '0',
    id: '17793124-05d4-b198-2fde-7ededc63b103',
    'detail-type': 'Object Created',
    source: 'aws.s3',
    account: '000000000000',
    time: '2026-11-25T10:00:00Z',
    region: 'us-east-1',
    resources: ['arn:aws:s3:::sluice-dev-lake-000000000000-us-east-1'],
    detail: {
      version: '0',
      bucket: { name: 'sluice-dev-lake-000000000000-us-east-1' },
      object: { key, size: 5120, etag: 'b1946ac92492d2347c6235b4d2611184', sequencer: '0055AED6DCD90281E5' },
      'request-id': 'N4N7GDK58NMKJ12R',
      requester: '000000000000',
      reason: 'PutObject',
    },
  };
}
