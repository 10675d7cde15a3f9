export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * One structured log line (JSON, CloudWatch-friendly). Callers pass counts, keys and codes — never event
 * payloads — so no personal data reaches a log line.
 */
export type Log = (level: LogLevel, message: string, fields?: Record<string, unknown>) => void;

export const jsonLog: Log = (level, message, fields = {}) => {
  const line = JSON.stringify({ level, message, time: new Date().toISOString(), ...fields });
  if (level === 'error' || level === 'warn') console.error(line);
  else console.log(line);
};

/** The message of an error, without its stack or any attached payload. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
