import { z } from 'zod';

/** API Gateway HTTP API payload format 2.0 (the fields Sluice reads; the rest passes through). */
export const HttpApiEvent = z.looseObject({
  version: z.literal('2.0'),
  routeKey: z.string(),
  rawPath: z.string(),
  rawQueryString: z.string(),
  headers: z.record(z.string(), z.string()).default({}),
  queryStringParameters: z.record(z.string(), z.string()).optional(),
  requestContext: z.looseObject({
    requestId: z.string(),
    http: z.object({
      method: z.string(),
      path: z.string(),
      protocol: z.string(),
      sourceIp: z.string(),
      userAgent: z.string(),
    }),
    timeEpoch: z.number(),
  }),
  body: z.string().optional(),
  isBase64Encoded: z.boolean(),
});
export type HttpApiEvent = z.infer<typeof HttpApiEvent>;

export interface HttpApiResult {
  statusCode: number;
  headers?: Record<string, string>;
  body: string;
}

/** Decoded request body as text (HTTP API base64-encodes non-text payloads). */
export function bodyText(event: HttpApiEvent): string {
  if (event.body === undefined) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}
