/**
 * The EventBridge envelope, as EventBridge delivers it to rule targets.
 *
 * @example
 * ```ts
 * const event: EventBridgeEvent<{ state: string }> = {
 *   version: '0',
 *   id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
 *   'detail-type': 'EC2 Instance State-change Notification',
 *   source: 'aws.ec2',
 *   account: '111122223333',
 *   time: '2017-12-22T18:43:48Z',
 *   region: 'us-west-1',
 *   resources: [],
 *   detail: { state: 'terminated' },
 * };
 * ```
 */
export interface EventBridgeEvent<TDetail = unknown> {
  readonly version: '0';
  readonly id: string;
  readonly 'detail-type': string;
  readonly source: string;
  readonly account: string;
  readonly time: string;
  readonly region: string;
  readonly resources: readonly string[];
  readonly detail: TDetail;
}

/**
 * An EventBridge event pattern: a JSON object whose leaves are arrays of values or match expressions.
 *
 * @example
 * ```ts
 * const pattern: EventPattern = { source: ['aws.s3'], detail: { object: { key: [{ suffix: '.parquet' }] } } };
 * ```
 */
export type EventPattern = { readonly [field: string]: unknown };

/**
 * A JSON value that can sit at a leaf of an event: what content filters compare against.
 *
 * @example
 * ```ts
 * const leaves: LeafValue[] = ['running', 5, true, null];
 * ```
 */
export type LeafValue = string | number | boolean | null;
