import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SluiceError } from '@sluice/core';
import type { LocalFunction } from '../wiring';

export class FunctionNotFoundError extends SluiceError {
  constructor(nameOrArn: string) {
    super('FUNCTION_NOT_FOUND', `no local function named ${nameOrArn} (ResourceNotFoundException on AWS)`);
  }
}

export class FunctionTimeoutError extends SluiceError {
  constructor(name: string, seconds: number) {
    super('FUNCTION_TIMEOUT', `${name} timed out after ${seconds} s`);
  }
}

type Handler = (event: unknown, context: unknown) => Promise<unknown>;

export interface InvocationStats {
  invocations: number;
  errors: number;
  totalMs: number;
}

/**
 * The Lambda stand-in: each function's real handler module, imported on first invocation (a cold start)
 * and then kept, called with a Lambda-shaped context and its configured timeout.
 */
export class LocalLambda {
  private readonly byName = new Map<string, { fn: LocalFunction; dir: string }>();
  private readonly handlers = new Map<string, Promise<Handler>>();
  readonly stats = new Map<string, InvocationStats>();

  constructor(functions: readonly { fn: LocalFunction; dir: string }[]) {
    for (const entry of functions) {
      this.byName.set(entry.fn.name, entry);
      this.byName.set(entry.fn.arn, entry);
      this.stats.set(entry.fn.name, { invocations: 0, errors: 0, totalMs: 0 });
    }
  }

  functions(): LocalFunction[] {
    return [...new Set([...this.byName.values()].map((entry) => entry.fn))];
  }

  private handlerOf(name: string, entry: { fn: LocalFunction; dir: string }): Promise<Handler> {
    let handler = this.handlers.get(name);
    if (!handler) {
      const url = pathToFileURL(join(entry.dir, `${entry.fn.modulePath}.ts`)).href;
      handler = import(url).then((module: Record<string, unknown>) => {
        const exported = module[entry.fn.exportName];
        if (typeof exported !== 'function') throw new Error(`${url} has no exported function ${entry.fn.exportName}`);
        return exported as Handler;
      });
      this.handlers.set(name, handler);
    }
    return handler;
  }

  /** Invokes synchronously (RequestResponse); the handler's error is the invocation's error. */
  async invoke(nameOrArn: string, event: unknown): Promise<unknown> {
    const entry = this.byName.get(nameOrArn) ?? this.byName.get(nameOrArn.split(':').at(-1) ?? '');
    if (!entry) throw new FunctionNotFoundError(nameOrArn);
    const { fn } = entry;
    const handler = await this.handlerOf(fn.name, entry);
    const stats = this.stats.get(fn.name) as InvocationStats;
    const started = Date.now();
    const deadline = started + fn.timeoutSeconds * 1000;
    const context = {
      functionName: fn.name,
      functionVersion: '$LATEST',
      invokedFunctionArn: fn.arn,
      memoryLimitInMB: '1024',
      awsRequestId: randomUUID(),
      logGroupName: `/aws/lambda/${fn.name}`,
      logStreamName: 'local',
      callbackWaitsForEmptyEventLoop: false,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    };
    let timer: NodeJS.Timeout | undefined;
    try {
      stats.invocations++;
      return await Promise.race([
        handler(event, context),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new FunctionTimeoutError(fn.name, fn.timeoutSeconds)),
            fn.timeoutSeconds * 1000,
          );
        }),
      ]);
    } catch (error) {
      stats.errors++;
      throw error;
    } finally {
      clearTimeout(timer);
      stats.totalMs += Date.now() - started;
    }
  }
}
