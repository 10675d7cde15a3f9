/**
 * The substitution rule of CloudFormation's `Fn::Sub`: every `${name}` is replaced by `lookup(name)`, and
 * `${!Literal}` is written out as `${Literal}` (the escape for text that must keep its dollar and braces, such as
 * a Step Functions or serverless placeholder). A `${` without a closing brace is left as it is.
 *
 * @example
 * ```ts
 * substitute('arn:${AWS::Partition}:s3:::${!bucket}', () => 'aws'); // 'arn:aws:s3:::${bucket}'
 * ```
 */
export function substitute(template: string, lookup: (name: string) => string): string {
  return template.replace(/\$\{([^}]*)\}/g, (_match, name: string) =>
    name.startsWith('!') ? `\${${name.slice(1)}}` : lookup(name),
  );
}
