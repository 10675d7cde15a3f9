import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';

export type MetricsListener = (metrics: Record<string, unknown>) => void;

const METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

/**
 * CloudWatch Logs for the local cloud: what the handlers log (they run in this process, and log through
 * `console`) goes to `<logs>/functions.log` instead of the terminal, and CloudWatch EMF lines
 * (`{"_aws": ...}`) also go to the metrics listener — the same lines CloudWatch turns into metrics on AWS.
 */
export function captureHandlerOutput(
  logsDir: string,
  onMetrics: MetricsListener,
): { terminal: (text: string) => void; restore: () => void } {
  mkdirSync(logsDir, { recursive: true });
  const file = join(logsDir, 'functions.log');
  const originals = Object.fromEntries(METHODS.map((m) => [m, console[m]])) as Record<
    (typeof METHODS)[number],
    (...args: unknown[]) => void
  >;
  const capture = (...args: unknown[]) => {
    const text = format(...args);
    appendFileSync(file, `${text}\n`);
    if (!text.startsWith('{"_aws"')) return;
    try {
      onMetrics(JSON.parse(text));
    } catch {
      // not a complete EMF line: only a log line
    }
  };
  for (const method of METHODS) console[method] = capture;
  return {
    terminal: (text) => {
      process.stdout.write(text);
    },
    restore: () => {
      for (const method of METHODS) console[method] = originals[method];
    },
  };
}
