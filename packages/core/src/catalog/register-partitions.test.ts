import type { S3ObjectCreated } from '@sluice/contracts';
import { describe, expect, it } from 'vitest';
import type { DataCatalog, PartitionToRegister, TableDefinition } from '../ports/catalog';
import { buildRegisterPartitions } from './register-partitions';

/** A catalog that records what it is asked and knows the partitions it is given. */
function recordingCatalog(known: string[] = []) {
  const tables: TableDefinition[] = [];
  const added: PartitionToRegister[] = [];
  const catalog: DataCatalog = {
    database: 'sluice',
    ensureTable: async (table) => {
      tables.push(table);
    },
    addPartitions: async (partitions) => {
      added.push(...partitions);
      return partitions.length;
    },
    listPartitions: async () => [],
    hasPartition: async (table, dt) => known.includes(`${table}/${dt}`),
  };
  return { catalog, tables, added };
}

const created = (key: string) =>
  ({ detail: { bucket: { name: 'lake' }, object: { key } } }) as unknown as S3ObjectCreated;
const KEY = 'curated/attendee_registered/dt=2026-11-25/a.parquet';

describe('registerPartitions by table policy', () => {
  it('projection: the table gets the projection properties and no partition is registered', async () => {
    const { catalog, tables, added } = recordingCatalog();
    const register = buildRegisterPartitions({
      catalog,
      policies: {
        attendee_registered: {
          registration: 'projection',
          onTypeChange: 'quarantine',
          projectionStartDate: '2026-01-01',
        },
      },
    });

    const { registration, crawler } = await register([created(KEY)]);

    expect(tables[0]?.parameters).toMatchObject({
      'projection.enabled': 'true',
      'projection.dt.range': '2026-01-01,NOW',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Athena's location template, not a JS template
      'storage.location.template': 's3://lake/curated/attendee_registered/dt=${dt}/',
    });
    expect(added).toEqual([]);
    expect(registration).toMatchObject({ newPartitions: 0, partitions: [{ dt: '2026-11-25' }] });
    expect(crawler.start).toBe(false);
  });

  it('crawler: asks for a crawl only when the partition is not registered, and writes nothing itself', async () => {
    const policies = {
      attendee_registered: { registration: 'crawler', onTypeChange: 'quarantine', projectionStartDate: '2025-01-01' },
    } as const;
    const fresh = recordingCatalog();
    const known = recordingCatalog(['attendee_registered/2026-11-25']);

    const first = await buildRegisterPartitions({ catalog: fresh.catalog, policies, crawlerName: 'c' })([created(KEY)]);
    const later = await buildRegisterPartitions({ catalog: known.catalog, policies, crawlerName: 'c' })([created(KEY)]);

    expect(first.crawler).toEqual({ name: 'c', start: true, rounds: 1 });
    expect(later.crawler).toEqual({ name: 'c', start: false, rounds: 0 });
    expect([...fresh.tables, ...fresh.added, ...known.tables, ...known.added]).toEqual([]);
    await expect(
      buildRegisterPartitions({ catalog: fresh.catalog, policies, crawlerName: 'c' })([created(KEY)], 3),
    ).rejects.toThrow(/crawler ran 3 times/);
  });
});
