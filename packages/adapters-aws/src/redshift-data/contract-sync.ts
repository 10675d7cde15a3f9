import { type FactTable, type Row, type TablePolicies, tablePolicyOf, versionedColumnName } from '@sluice/core';
import { SchemaChangeError } from '../errors';
import { addColumn, createFactTable, INFORMATION_SCHEMA_TYPES } from './warehouse-sql';

export interface ContractSync {
  /** ALTER TABLE / CREATE TABLE statements to run. */
  readonly statements: string[];
  /** Per table, contract column → the fact column its values load into (`<name>_v2` for a versioned retype). */
  readonly targets: Map<string, Map<string, string>>;
}

/**
 * The repeatable step after the versioned migrations that keeps the facts in step with the contract (as the
 * local warehouse does): a fact table for a new event type is created, a contract column missing from its
 * table is added (older rows read NULL); nothing is dropped. A retyped column follows the table's policy:
 * `quarantine` refuses it with a {@link SchemaChangeError} naming table, column and both types (the load
 * fails and the state machine records the object for redrive); `version` adds `<name>_v2` of the new type
 * and loads the column into it. `existing` holds the rows of {@link selectFactColumns}.
 */
export function contractSyncStatements(
  facts: readonly FactTable[],
  existing: readonly Row[],
  policies?: TablePolicies,
): ContractSync {
  const columnsByTable = new Map<string, Map<string, string>>();
  for (const row of existing) {
    const table = String(row.table_name);
    const columns = columnsByTable.get(table) ?? new Map<string, string>();
    columns.set(String(row.column_name), String(row.data_type));
    columnsByTable.set(table, columns);
  }
  const statements: string[] = [];
  const targets = new Map<string, Map<string, string>>();
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
        if (tablePolicyOf(policies, fact.table).onTypeChange !== 'version') {
          throw new SchemaChangeError(fact.table, column.name, currentType, contractType, 'warehouse');
        }
        const versioned = versionedColumnName(column.name);
        const versionedType = current.get(versioned);
        if (versionedType === undefined) statements.push(addColumn(fact.table, { ...column, name: versioned }));
        else if (versionedType !== contractType) {
          throw new SchemaChangeError(fact.table, versioned, versionedType, contractType, 'warehouse');
        }
        const forTable = targets.get(fact.table) ?? new Map<string, string>();
        forTable.set(column.name, versioned);
        targets.set(fact.table, forTable);
      }
    }
  }
  return { statements, targets };
}
