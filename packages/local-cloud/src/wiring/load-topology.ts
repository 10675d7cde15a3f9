import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { printService } from './serverless-print';
import { type ServiceTopology, serviceTopology } from './topology';

/** Reads serverless-compose.yml for the services and their folders: the one list of what the system is. */
export async function composeServices(repoRoot: string): Promise<{ key: string; dir: string }[]> {
  const compose = parse(await readFile(join(repoRoot, 'serverless-compose.yml'), 'utf8')) as {
    services: Record<string, { path: string }>;
  };
  return Object.entries(compose.services).map(([key, service]) => ({ key, dir: join(repoRoot, service.path) }));
}

/**
 * Every service's local topology, from its own serverless.yml (resolved by `serverless print`, two at a
 * time on a two-core machine, cached under `cacheDir`).
 */
export async function loadTopology(repoRoot: string, stage: string, cacheDir: string): Promise<ServiceTopology[]> {
  const services = await composeServices(repoRoot);
  const common = join(repoRoot, 'serverless.common.yml');
  const results: ServiceTopology[] = new Array(services.length);
  let next = 0;
  const worker = async () => {
    while (next < services.length) {
      const index = next++;
      const { key, dir } = services[index] as { key: string; dir: string };
      const printed = await printService(dir, stage, cacheDir, [join(dir, 'serverless.yml'), common]);
      results[index] = serviceTopology(key, dir, printed);
    }
  };
  await Promise.all([worker(), worker()]);
  return results;
}
