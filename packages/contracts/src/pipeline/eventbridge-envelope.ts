import { z } from 'zod';

/** The EventBridge envelope, as delivered to rule targets. */
export function eventBridgeEvent<S extends string, D extends string, T extends z.ZodType>(
  source: S,
  detailType: D,
  detail: T,
) {
  return z.object({
    version: z.literal('0'),
    id: z.string().min(1),
    'detail-type': z.literal(detailType),
    source: z.literal(source),
    account: z.string().regex(/^\d{12}$/),
    time: z.iso.datetime(),
    region: z.string().min(1),
    resources: z.array(z.string()),
    detail,
  });
}

/** Sources Sluice publishes pipeline events under. */
export const PIPELINE_SOURCES = {
  streamEtl: 'sluice.stream-etl',
  catalogUpdater: 'sluice.catalog-updater',
  warehouseLoader: 'sluice.warehouse-loader',
} as const;
