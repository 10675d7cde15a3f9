import type { FactTable, Row } from '@sluice/core';
import { SchemaChangeError } from '../errors';
import { addColumn, createFactTable, INFORMATION_SCHEMA_TYPES } from './warehouse-sql';

/**
 * The repeatable step after the versioned migrations that keeps the facts in step with the contract (as the
 * local warehouse does): a fact table for a new event type is created, a contract column missing from its
 * table is added (older rows read NULL); nothing is dropped, and a retype is refused with a
 * {@link SchemaChangeError}. `existing` holds the rows of {@link selectFactColumns}.
 */
export function contractSyncStatements(facts: readonly FactTable[], existing: readonly Row[]): string[] {
  const columnsByTable = new Map<string, Map<string, string>>();
  for (const row of existing) {
    const table = String(row.table_name);
    const columns = columnsByTable.get(table) ?? new Map<string, string>();
    columns.set(String(row.column_name), String(row.data_type));
    columnsByTable.set(table, columns);
  }
  const statements: string[] = [];
  for (const fact of facts) {
    const current = columnsByTable.get(fact.table);
    if (!current) {
      statements.push(createFactTable(fact));
      continue;
    }
    for (const column of fact.columns) {
      const currentType = current.get(column.name);
      const contractType = INFORMATION_SCHEMA_TYPES[column.type];
      if (currentType === undefined) statements.push(addColumn(fact.table, column));
      else if (currentType !== contractType) {
        throw new SchemaChangeError(fact.table, column.name, currentType, contractType, 'warehouse');
      }
    }
  }
  return statements;
}
