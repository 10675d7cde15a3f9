import { DuckDBTypeId, type DuckDBValueConverter, type JS, JSDuckDBValueConverter } from '@duckdb/node-api';

/** A value as callers see it: JSON-friendly except for BLOBs. */
export type PlainValue = null | boolean | number | string | Uint8Array | PlainValue[] | { [key: string]: PlainValue };

export type PlainRow = Record<string, PlainValue>;

function plainFromBigInt(value: bigint): number | string {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value.toString();
}

/**
 * DuckDB value → plain JS: BIGINT/HUGEINT (COUNT, SUM) become numbers when they are safe integers and
 * decimal strings otherwise (a silent loss of precision would be worse); timestamps become ISO 8601
 * strings in UTC; DATEs become `YYYY-MM-DD`; intervals their DuckDB text. Lists and structs recurse.
 */
export const toPlainValue: DuckDBValueConverter<PlainValue> = (value, type, converter) => {
  if (value === null) return null;
  if (type.typeId === DuckDBTypeId.INTERVAL) return String(value);
  // The JS converter recurses into lists and structs through `converter`, i.e. through this function.
  const js: JS = JSDuckDBValueConverter(value, type, converter as unknown as DuckDBValueConverter<JS>);
  if (typeof js === 'bigint') return plainFromBigInt(js);
  if (js instanceof Date) {
    const iso = js.toISOString();
    return type.typeId === DuckDBTypeId.DATE ? iso.slice(0, 10) : iso;
  }
  return js as PlainValue;
};
