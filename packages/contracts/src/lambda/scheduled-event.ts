import { z } from 'zod';

/** An EventBridge Scheduler / scheduled rule invocation. */
export const ScheduledEvent = z.looseObject({
  version: z.literal('0'),
  id: z.string(),
  'detail-type': z.literal('Scheduled Event'),
  source: z.literal('aws.events'),
  account: z.string(),
  time: z.iso.datetime(),
  region: z.string(),
  resources: z.array(z.string()),
  detail: z.record(z.string(), z.unknown()),
});
export type ScheduledEvent = z.infer<typeof ScheduledEvent>;
