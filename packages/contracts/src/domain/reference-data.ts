import { z } from 'zod';
import { countryCode } from './envelope';

/**
 * Static reference data the stream joins with (Glue Studio's "SQL Query" node over a second source). Each
 * table is one NDJSON object in the lake's `reference/` zone; its columns are snake_case, as in SQL.
 */
export const ReferenceCountry = z.object({
  code: countryCode,
  name: z.string().min(1).max(200),
  region: z.string().min(1).max(100).describe('UN geoscheme region, e.g. "Europe"'),
  subregion: z.string().max(100).optional(),
});
export type ReferenceCountry = z.infer<typeof ReferenceCountry>;

export const ReferenceSession = z.object({
  session_id: z.string().min(1).max(64),
  title: z.string().min(1).max(300),
  track: z.string().min(1).max(200),
  room: z.string().max(100).optional(),
  starts_at: z.iso.datetime({ offset: true }).optional(),
});
export type ReferenceSession = z.infer<typeof ReferenceSession>;

export interface ReferenceTable {
  /** The object key in the lake bucket. */
  readonly key: string;
  readonly schema: z.ZodObject;
  /** The join key: unique within the table, so a join never multiplies events. */
  readonly keyColumn: string;
}

/** Every reference table, by the name the enrichment SQL uses for it. */
export const REFERENCE_TABLES = {
  countries: { key: 'reference/countries/countries.ndjson', schema: ReferenceCountry, keyColumn: 'code' },
  sessions: { key: 'reference/sessions/sessions.ndjson', schema: ReferenceSession, keyColumn: 'session_id' },
} as const satisfies Record<string, ReferenceTable>;
export type ReferenceTableName = keyof typeof REFERENCE_TABLES;
