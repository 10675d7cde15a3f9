import type { Warehouse } from '../ports/warehouse';

export interface CountryCount {
  readonly country: string;
  readonly attendees: number;
}

/** "Show me attendees by country", answered from the warehouse's materialized view. */
export async function attendeesByCountry(warehouse: Warehouse): Promise<CountryCount[]> {
  const rows = await warehouse.query(
    'SELECT country, attendees FROM mv_attendees_by_country ORDER BY attendees DESC, country',
  );
  return rows.map((row) => ({ country: String(row.country), attendees: Number(row.attendees) }));
}
