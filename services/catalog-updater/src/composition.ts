import { buildAwsClients, buildGlueCatalog } from '@sluice/adapters-aws';
import { type DataCatalog, once, parseConfig } from '@sluice/core';
import { z } from 'zod';

const CatalogConfig = z.object({
  SLUICE_RUNTIME: z.enum(['aws', 'local']),
  SLUICE_GLUE_DATABASE: z.string().min(1),
  AWS_REGION: z.string().min(1).optional(),
  /** Local cloud only: where the catalog's DuckDB file lives. */
  SLUICE_DATA_DIR: z.string().min(1).optional(),
});

/** The catalog (Glue on AWS; a DuckDB file on the local cloud), built once per container. */
export const catalogDependencies = once(async (): Promise<{ catalog: DataCatalog }> => {
  const config = parseConfig(CatalogConfig, process.env);
  if (config.SLUICE_RUNTIME === 'local') {
    // Imported only here so the Lambda bundle never loads DuckDB.
    const { openLocalCatalog } = await import('@sluice/adapters-local');
    return { catalog: await openLocalCatalog(config.SLUICE_DATA_DIR, config.SLUICE_GLUE_DATABASE) };
  }
  const { AWS_REGION } = parseConfig(CatalogConfig.required({ AWS_REGION: true }), process.env);
  const clients = buildAwsClients({ region: AWS_REGION });
  return { catalog: buildGlueCatalog(clients.glue, { database: config.SLUICE_GLUE_DATABASE }) };
});
