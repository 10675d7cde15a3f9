import { LOCAL_ACCOUNT_ID as LOCAL_ACCOUNT, LOCAL_REGION } from '../kinesis';
import type { LocalFunction } from '../wiring';
import { nextRun, parseSchedule } from './schedule-expression';

/** The scheduled-rule stand-in: invokes each function with a "Scheduled Event" when its expression fires. */
export function startSchedules(
  functions: readonly LocalFunction[],
  invoke: (functionName: string, event: unknown) => Promise<unknown>,
  onError: (error: unknown) => void,
): { stop: () => void } {
  const timers: NodeJS.Timeout[] = [];
  for (const fn of functions) {
    for (const event of fn.events) {
      if (event.type !== 'schedule') continue;
      const schedule = parseSchedule(event.expression);
      const arm = (after: Date) => {
        const at = nextRun(schedule, after);
        // setTimeout caps near 24.8 days; re-arm in steps for far-off runs.
        const delay = Math.min(at.getTime() - Date.now(), 2 ** 31 - 1);
        const timer = setTimeout(
          () => {
            if (Date.now() < at.getTime()) return arm(after);
            invoke(fn.name, scheduledEvent(fn.name, at)).catch(onError);
            arm(at);
          },
          Math.max(0, delay),
        );
        timer.unref();
        timers.push(timer);
      };
      arm(new Date());
    }
  }
  return { stop: () => timers.forEach(clearTimeout) };
}

export function scheduledEvent(functionName: string, at: Date) {
  return {
    version: '0',
    id: crypto.randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: LOCAL_ACCOUNT,
    time: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: LOCAL_REGION,
    resources: [`arn:aws:events:${LOCAL_REGION}:${LOCAL_ACCOUNT}:rule/${functionName}-schedule`],
    detail: {},
  };
}
