import { asArray, type CfnTemplate, iamStatements } from './serverless-package';

/**
 * Actions AWS only authorizes on `Resource: "*"` (no resource-level permissions), with why. Anything
 * else with a `*` resource is a least-privilege violation.
 */
export const WILDCARD_RESOURCE_ALLOWED: Record<string, string> = {
  // Step Functions log delivery (serverless-step-functions adds these for loggingConfig); CloudWatch
  // Logs' vended-log delivery APIs take no resource ARN.
  'logs:CreateLogDelivery': 'vended log delivery has no resource-level permissions',
  'logs:GetLogDelivery': 'vended log delivery has no resource-level permissions',
  'logs:UpdateLogDelivery': 'vended log delivery has no resource-level permissions',
  'logs:DeleteLogDelivery': 'vended log delivery has no resource-level permissions',
  'logs:ListLogDeliveries': 'vended log delivery has no resource-level permissions',
  'logs:PutResourcePolicy': 'vended log delivery has no resource-level permissions',
  'logs:DescribeResourcePolicies': 'vended log delivery has no resource-level permissions',
  'logs:DescribeLogGroups': 'vended log delivery has no resource-level permissions',
  // Redshift Data API statement calls take a statement id; they are scoped with the
  // statement-owner condition instead (checked below).
  'redshift-data:DescribeStatement': 'statement ids, scoped by redshift-data:statement-owner-iam-userid',
  'redshift-data:GetStatementResult': 'statement ids, scoped by redshift-data:statement-owner-iam-userid',
  'redshift-data:CancelStatement': 'statement ids, scoped by redshift-data:statement-owner-iam-userid',
};

/** Every least-privilege problem in the template's IAM statements (empty = none). */
export function leastPrivilegeViolations(template: CfnTemplate): string[] {
  const problems: string[] = [];
  for (const { resource, statement } of iamStatements(template)) {
    if (statement.Effect !== 'Allow') continue;
    const actions = asArray(statement.Action);
    for (const action of actions) {
      if (action.includes('*')) problems.push(`${resource}: action "${action}" is a wildcard`);
    }
    const resources = asArray(statement.Resource as unknown);
    if (resources.includes('*')) {
      for (const action of actions) {
        if (!WILDCARD_RESOURCE_ALLOWED[action]) problems.push(`${resource}: "${action}" on Resource "*"`);
        if (
          action.startsWith('redshift-data:') &&
          !JSON.stringify(statement.Condition ?? {}).includes('statement-owner-iam-userid')
        ) {
          problems.push(`${resource}: "${action}" on "*" without the statement-owner condition`);
        }
      }
    }
  }
  return problems;
}
