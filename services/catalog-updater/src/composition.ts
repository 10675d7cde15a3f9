import { buildAwsClients, buildGlueCatalog } from '@sluice/adapters-aws';
import { once, parseConfig, type RegisterPartitionsDependencies, TablePoliciesJson } from '@sluice/core';
import { z } from 'zod';

const CatalogConfig = z.object({
  SLUICE_RUNTIME: z.enum(['aws', 'local']),
  SLUICE_GLUE_DATABASE: z.string().min(1),
  /** Per-table registration mode and schema-change policy, as JSON (see TablePolicy); empty = all direct. */
  SLUICE_CATALOG_TABLE_POLICIES: TablePoliciesJson,
  /** The crawler crawler-mode tables are registered by. */
  SLUICE_GLUE_CRAWLER: z.string().min(1).optional(),
  AWS_REGION: z.string().min(1).optional(),
  /** Local cloud only: where the catalog's DuckDB file lives. */
  SLUICE_DATA_DIR: z.string().min(1).optional(),
});

/** The catalog (Glue on AWS; a DuckDB file on the local cloud) and its policies, built once per container. */
export const catalogDependencies = once(async (): Promise<RegisterPartitionsDependencies> => {
  const config = parseConfig(CatalogConfig, process.env);
  const policies = {
    policies: config.SLUICE_CATALOG_TABLE_POLICIES,
    ...(config.SLUICE_GLUE_CRAWLER ? { crawlerName: config.SLUICE_GLUE_CRAWLER } : {}),
  };
  if (config.SLUICE_RUNTIME === 'local') {
    // Imported only here so the Lambda bundle never loads DuckDB.
    const { openLocalCatalog } = await import('@sluice/adapters-local');
    return { catalog: await openLocalCatalog(config.SLUICE_DATA_DIR, config.SLUICE_GLUE_DATABASE), ...policies };
  }
  const { AWS_REGION } = parseConfig(CatalogConfig.required({ AWS_REGION: true }), process.env);
  const clients = buildAwsClients({ region: AWS_REGION });
  return { catalog: buildGlueCatalog(clients.glue, { database: config.SLUICE_GLUE_DATABASE }), ...policies };
});
