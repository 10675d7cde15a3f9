import { describe, expect, it } from 'vitest';
import { InvalidEventPatternError } from './errors';
import { matchesPattern, validatePattern } from './event-pattern';
import type { EventPattern } from './types';

/** The sample EC2 event of the EventBridge user guide and event-ruler README, with `detail` fields overridable. */
function ec2Event(detail: Record<string, unknown> = {}, envelope: Record<string, unknown> = {}) {
  return {
    version: '0',
    id: 'ddddd4-aaaa-7777-4444-345dd43cc333',
    'detail-type': 'EC2 Instance State-change Notification',
    source: 'aws.ec2',
    account: '012345679012',
    time: '2017-10-02T16:24:49Z',
    region: 'us-east-1',
    resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
    detail: {
      'c-count': 5,
      'd-count': 3,
      'x-limit': 301.8,
      'source-ip': '10.0.0.33',
      'instance-id': 'i-000000aaaaaa00000',
      state: 'running',
      ...detail,
    },
    ...envelope,
  };
}

/** Pattern on one detail field, as most guide examples are written. */
function onDetail(field: string, ...matchers: unknown[]): EventPattern {
  return { detail: { [field]: matchers } };
}

describe('exact matching', () => {
  it('matches the guide’s EC2 termination pattern on source, detail-type and detail.state', () => {
    const pattern = {
      source: ['aws.ec2'],
      'detail-type': ['EC2 Instance State-change Notification'],
      detail: { state: ['terminated'] },
    };
    expect(matchesPattern(pattern, ec2Event({ state: 'terminated' }))).toBe(true);
    expect(matchesPattern(pattern, ec2Event({ state: 'running' }))).toBe(false);
    expect(matchesPattern(pattern, ec2Event({ state: 'terminated' }, { source: 'aws.fargate' }))).toBe(false);
  });

  it('treats the values of a field as OR and the fields as AND', () => {
    const pattern = { source: ['aws.ec2', 'aws.fargate'], detail: { state: ['initializing', 'running'] } };
    expect(matchesPattern(pattern, ec2Event({}, { source: 'aws.fargate' }))).toBe(true);
    expect(matchesPattern(pattern, ec2Event({ state: 'initializing' }))).toBe(true);
    expect(matchesPattern(pattern, ec2Event({}, { source: 'aws.s3' }))).toBe(false);
  });

  it('requires every field named in the pattern to be present', () => {
    expect(matchesPattern(onDetail('missing', 'x'), ec2Event())).toBe(false);
  });

  it('matches numbers numerically but never across types', () => {
    expect(matchesPattern(onDetail('c-count', 5), ec2Event())).toBe(true);
    expect(matchesPattern(onDetail('c-count', 5), ec2Event({ 'c-count': 5.0 }))).toBe(true);
    expect(matchesPattern(onDetail('c-count', '5'), ec2Event())).toBe(false);
    expect(matchesPattern(onDetail('c-count', 5), ec2Event({ 'c-count': '5' }))).toBe(false);
  });

  it('matches booleans as JSON literals', () => {
    expect(matchesPattern(onDetail('enabled', true), ec2Event({ enabled: true }))).toBe(true);
    expect(matchesPattern(onDetail('enabled', true), ec2Event({ enabled: 'true' }))).toBe(false);
  });

  it('matches empty strings and nulls without confusing them (guide: null values and empty strings)', () => {
    const event = ec2Event({ eventVersion: '', responseElements: null });
    expect(matchesPattern(onDetail('eventVersion', ''), event)).toBe(true);
    expect(matchesPattern(onDetail('responseElements', null), event)).toBe(true);
    expect(matchesPattern(onDetail('responseElements', ''), event)).toBe(false);
    expect(matchesPattern(onDetail('eventVersion', null), event)).toBe(false);
    expect(matchesPattern(onDetail('absent', null), event)).toBe(false);
  });
});

describe('array-valued event fields', () => {
  const patternResources = {
    resources: [
      'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
      'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f',
      'arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f',
    ],
  };

  it('matches when the pattern values and the event array intersect (guide: arrays in event patterns)', () => {
    const resources = [
      'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b-bbf0-401d-b893-d5978ed4a025:autoScalingGroupName/ASGTerminate',
      'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
    ];
    expect(matchesPattern(patternResources, ec2Event({}, { resources }))).toBe(true);
  });

  it('does not match when no element of the event array matches', () => {
    const resources = ['arn:aws:ec2:us-east-1:999999999999:instance/i-b188560f'];
    expect(matchesPattern(patternResources, ec2Event({}, { resources }))).toBe(false);
    expect(matchesPattern(patternResources, ec2Event({}, { resources: [] }))).toBe(false);
  });

  it('applies operators to each element', () => {
    const pattern = onDetail('tags', { prefix: 'env:' });
    expect(matchesPattern(pattern, ec2Event({ tags: ['team:etl', 'env:prod'] }))).toBe(true);
    expect(matchesPattern(pattern, ec2Event({ tags: ['team:etl'] }))).toBe(false);
  });

  it('matches objects inside arrays element by element, never mixing fields of different elements', () => {
    const employees = [
      { firstName: 'John', lastName: 'Doe' },
      { firstName: 'Anna', lastName: 'Smith' },
      { firstName: 'Peter', lastName: 'Jones' },
    ];
    expect(matchesPattern({ employees: { firstName: ['Anna'] } }, { employees })).toBe(true);
    expect(matchesPattern({ employees: { firstName: ['Anna'], lastName: ['Smith'] } }, { employees })).toBe(true);
    expect(matchesPattern({ employees: { firstName: ['Anna'], lastName: ['Jones'] } }, { employees })).toBe(false);
  });

  it('looks through nested arrays', () => {
    const employees = [[{ firstName: 'John' }, { firstName: 'Anna' }], [{ firstName: 'Peter' }]];
    expect(matchesPattern({ employees: { firstName: ['Peter'] } }, { employees })).toBe(true);
    expect(matchesPattern({ employees: { firstName: ['Paul'] } }, { employees })).toBe(false);
  });
});

describe('prefix', () => {
  it.each([
    ['2017-10-02T18:43:48Z', true],
    ['2017-10-02', true],
    ['2017-10-03T18:43:48Z', false],
    ['x2017-10-02', false],
  ])('{"time": [{"prefix": "2017-10-02"}]} on time %s → %s', (time, expected) => {
    expect(matchesPattern({ time: [{ prefix: '2017-10-02' }] }, ec2Event({}, { time }))).toBe(expected);
  });

  it('is case-sensitive and only applies to strings', () => {
    expect(matchesPattern({ region: [{ prefix: 'us-' }] }, ec2Event({}, { region: 'US-EAST-1' }))).toBe(false);
    expect(matchesPattern(onDetail('c-count', { prefix: '5' }), ec2Event())).toBe(false);
  });

  it.each([
    ['EventBridge', true],
    ['EVENTBRIDGE', true],
    ['eventb', true],
    ['TheEventBridge', false],
  ])('with equals-ignore-case "EventB" on service %s → %s', (service, expected) => {
    const pattern = onDetail('service', { prefix: { 'equals-ignore-case': 'EventB' } });
    expect(matchesPattern(pattern, ec2Event({ service }))).toBe(expected);
  });
});

describe('suffix', () => {
  it.each([
    ['ocean.png', true],
    ['.png', true],
    ['ocean.PNG', false],
    ['ocean.png.zip', false],
  ])('{"FileName": [{"suffix": ".png"}]} on %s → %s', (fileName, expected) => {
    expect(matchesPattern(onDetail('FileName', { suffix: '.png' }), ec2Event({ FileName: fileName }))).toBe(expected);
  });

  it.each([
    ['image.png', true],
    ['image.PNG', true],
    ['image.jpg', false],
  ])('with equals-ignore-case ".png" on %s → %s', (fileName, expected) => {
    const pattern = onDetail('FileName', { suffix: { 'equals-ignore-case': '.png' } });
    expect(matchesPattern(pattern, ec2Event({ FileName: fileName }))).toBe(expected);
  });

  it('matches envelope fields, e.g. the README’s {"source": [{"suffix": "ec2"}]}', () => {
    expect(matchesPattern({ source: [{ suffix: 'ec2' }] }, ec2Event())).toBe(true);
    expect(matchesPattern({ source: [{ suffix: 'ec2' }] }, ec2Event({}, { source: 'aws.s3' }))).toBe(false);
  });
});

describe('equals-ignore-case', () => {
  it.each([
    ['alice', true],
    ['ALICE', true],
    ['Alice', true],
    ['Alicia', false],
  ])('{"Name": [{"equals-ignore-case": "alice"}]} on %s → %s', (name, expected) => {
    expect(matchesPattern(onDetail('Name', { 'equals-ignore-case': 'alice' }), ec2Event({ Name: name }))).toBe(
      expected,
    );
  });

  it('does not match non-strings', () => {
    expect(matchesPattern(onDetail('flag', { 'equals-ignore-case': 'true' }), ec2Event({ flag: true }))).toBe(false);
  });
});

describe('anything-but', () => {
  it.each([
    [{ 'anything-but': 'initializing' }, 'running', true],
    [{ 'anything-but': 'initializing' }, 'initializing', false],
    [{ 'anything-but': ['stopped', 'overloaded'] }, 'running', true],
    [{ 'anything-but': ['stopped', 'overloaded'] }, 'overloaded', false],
    [{ 'anything-but': { prefix: 'init' } }, 'running', true],
    [{ 'anything-but': { prefix: 'init' } }, 'initializing', false],
    [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }, 'running', true],
    [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }, 'INITIALIZING', false],
    [{ 'anything-but': { 'equals-ignore-case': ['initializing', 'stopped'] } }, 'Stopped', false],
  ])('state %j on %s → %s', (matcher, state, expected) => {
    expect(matchesPattern(onDetail('state', matcher), ec2Event({ state }))).toBe(expected);
  });

  it.each([
    [{ 'anything-but': 123 }, 301.8, true],
    [{ 'anything-but': 123 }, 123, false],
    [{ 'anything-but': [100, 200, 300] }, 301.8, true],
    [{ 'anything-but': [100, 200, 300] }, 200, false],
  ])('x-limit %j on %s → %s', (matcher, limit, expected) => {
    expect(matchesPattern(onDetail('x-limit', matcher), ec2Event({ 'x-limit': limit }))).toBe(expected);
  });

  it.each([
    [{ 'anything-but': { suffix: '.png' } }, 'ocean.jpg', true],
    [{ 'anything-but': { suffix: '.png' } }, 'ocean.png', false],
    [{ 'anything-but': { wildcard: '*/lib/*' } }, '/usr/bin/tool', true],
    [{ 'anything-but': { wildcard: '*/lib/*' } }, '/usr/lib/tool', false],
    [{ 'anything-but': { wildcard: ['*/lib/*', '*/bin/*'] } }, '/etc/tool', true],
    [{ 'anything-but': { wildcard: ['*/lib/*', '*/bin/*'] } }, '/usr/bin/tool', false],
  ])('FilePath %j on %s → %s', (matcher, filePath, expected) => {
    expect(matchesPattern(onDetail('FilePath', matcher), ec2Event({ FilePath: filePath }))).toBe(expected);
  });

  it('matches the guide’s Region example: anything but the US', () => {
    const pattern = { region: [{ 'anything-but': { prefix: 'us-' } }] };
    expect(matchesPattern(pattern, ec2Event({}, { region: 'eu-west-1' }))).toBe(true);
    expect(matchesPattern(pattern, ec2Event({}, { region: 'us-east-1' }))).toBe(false);
  });

  it('never matches an absent field', () => {
    expect(matchesPattern(onDetail('absent', { 'anything-but': 'x' }), ec2Event())).toBe(false);
  });

  it('matches values of another type than the excluded ones, as EventBridge does', () => {
    expect(matchesPattern(onDetail('c-count', { 'anything-but': '5' }), ec2Event())).toBe(true);
    expect(matchesPattern(onDetail('state', { 'anything-but': 5 }), ec2Event())).toBe(true);
  });

  it('on an array field, matches when some element is not excluded', () => {
    const pattern = onDetail('states', { 'anything-but': 'stopped' });
    expect(matchesPattern(pattern, ec2Event({ states: ['stopped', 'running'] }))).toBe(true);
    expect(matchesPattern(pattern, ec2Event({ states: ['stopped'] }))).toBe(false);
  });
});

describe('numeric', () => {
  it('matches the guide’s example, where all three fields must hold', () => {
    const pattern = {
      detail: {
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ numeric: ['=', 3.018e2] }],
      },
    };
    expect(matchesPattern(pattern, ec2Event())).toBe(true);
    expect(matchesPattern(pattern, ec2Event({ 'c-count': 6 }))).toBe(false);
    expect(matchesPattern(pattern, ec2Event({ 'd-count': 10 }))).toBe(false);
    expect(matchesPattern(pattern, ec2Event({ 'x-limit': 301.80001 }))).toBe(false);
  });

  it.each([
    [['=', 5], 5, true],
    [['=', 5], 5.000001, false],
    [['<', 5], 4.999999, true],
    [['<', 5], 5, false],
    [['<=', 5], 5, true],
    [['<=', 5], 5.1, false],
    [['>', 5], 5.1, true],
    [['>', 5], 5, false],
    [['>=', 5], 5, true],
    [['>=', 5], -5, false],
    [['>', 0, '<=', 5], 0, false],
    [['>', 0, '<=', 5], 5, true],
    [['>=', 0, '<', 5], 0, true],
    [['>=', 0, '<', 5], 5, false],
    [['>=', -1.5, '<', 2e3], -1.5, true],
  ])('numeric %j on %s → %s', (operands, value, expected) => {
    expect(matchesPattern(onDetail('n', { numeric: operands }), ec2Event({ n: value }))).toBe(expected);
  });

  it('only compares JSON numbers', () => {
    expect(matchesPattern(onDetail('n', { numeric: ['>', 0] }), ec2Event({ n: '5' }))).toBe(false);
  });

  it('never matches event numbers outside EventBridge’s numeric domain (±5.0e9)', () => {
    expect(matchesPattern(onDetail('n', { numeric: ['>', 0] }), ec2Event({ n: 5e9 }))).toBe(true);
    expect(matchesPattern(onDetail('n', { numeric: ['>', 0] }), ec2Event({ n: 6e9 }))).toBe(false);
  });
});

describe('exists', () => {
  it('exists:true matches the guide’s event that has detail.state', () => {
    const event = {
      version: '0',
      id: '7bf73129-1428-4cd3-a780-95db273d1602',
      'detail-type': 'EC2 Instance State-change Notification',
      source: 'aws.ec2',
      account: '123456789012',
      time: '2015-11-11T21:29:54Z',
      region: 'us-east-1',
      resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111'],
      detail: { 'instance-id': 'i-abcd1111', state: 'pending' },
    };
    expect(matchesPattern(onDetail('state', { exists: true }), event)).toBe(true);
  });

  it('exists:true does not match the guide’s event without detail.state, nor an intermediate node', () => {
    const event = { detail: { 'c-count': { c1: 100 } } };
    expect(matchesPattern(onDetail('state', { exists: true }), event)).toBe(false);
    expect(matchesPattern(onDetail('c-count', { exists: true }), event)).toBe(false);
  });

  it('exists:false matches when the field is absent, or is not a leaf (guide examples)', () => {
    const pattern = onDetail('c-count', { exists: false });
    expect(matchesPattern(pattern, { detail: { state: ['initializing', 'running'] } })).toBe(true);
    expect(matchesPattern(pattern, { detail: { state: 'running', 'c-count': { c1: 100 } } })).toBe(true);
    expect(matchesPattern(pattern, ec2Event())).toBe(false);
  });

  it('exists:false matches when an intermediate object is missing altogether', () => {
    expect(matchesPattern({ detail: { object: { key: [{ exists: false }] } } }, ec2Event())).toBe(true);
  });

  it('counts null as present', () => {
    expect(matchesPattern(onDetail('x', { exists: true }), ec2Event({ x: null }))).toBe(true);
    expect(matchesPattern(onDetail('x', { exists: false }), ec2Event({ x: null }))).toBe(false);
  });

  it('works on top-level envelope fields', () => {
    expect(matchesPattern({ 'trace-header': [{ exists: false }] }, ec2Event())).toBe(true);
    expect(matchesPattern({ account: [{ exists: true }] }, ec2Event())).toBe(true);
  });
});

describe('cidr', () => {
  it.each([
    ['10.0.0.0', true],
    ['10.0.0.33', true],
    ['10.0.0.255', true],
    ['10.0.1.0', false],
    ['9.255.255.255', false],
    ['not an ip', false],
    ['2001:db8::1', false],
  ])('{"sourceIPAddress": [{"cidr": "10.0.0.0/24"}]} on %s → %s', (ip, expected) => {
    const pattern = onDetail('sourceIPAddress', { cidr: '10.0.0.0/24' });
    expect(matchesPattern(pattern, ec2Event({ sourceIPAddress: ip }))).toBe(expected);
  });

  it.each([
    ['2001:db8::1', true],
    ['2001:0db8:ffff:ffff:ffff:ffff:ffff:ffff', true],
    ['2001:db9::', false],
    ['10.0.0.1', false],
  ])('IPv6 "2001:db8::/32" on %s → %s', (ip, expected) => {
    expect(matchesPattern(onDetail('ip', { cidr: '2001:db8::/32' }), ec2Event({ ip }))).toBe(expected);
  });

  it('handles IPv6 addresses with an embedded IPv4 tail and host bits set in the block', () => {
    expect(matchesPattern(onDetail('ip', { cidr: '::ffff:10.0.0.0/120' }), ec2Event({ ip: '::ffff:10.0.0.9' }))).toBe(
      true,
    );
    expect(matchesPattern(onDetail('ip', { cidr: '10.0.0.7/24' }), ec2Event({ ip: '10.0.0.1' }))).toBe(true);
  });
});

describe('wildcard', () => {
  it.each([
    ['dir/ocean.png', true],
    ['dir/sub/ocean.png', true],
    ['dir/.png', true],
    ['dir/ocean.jpg', false],
    ['other/dir/ocean.png', false],
  ])('{"FileName": [{"wildcard": "dir/*.png"}]} on %s → %s', (fileName, expected) => {
    expect(matchesPattern(onDetail('FileName', { wildcard: 'dir/*.png' }), ec2Event({ FileName: fileName }))).toBe(
      expected,
    );
  });

  it.each([
    ['Simple Queue Service', true],
    ['SimpleService', true],
    ['Simple Queue Services', false],
  ])('README’s "Simple*Service" on %s → %s', (source, expected) => {
    expect(matchesPattern({ source: [{ wildcard: 'Simple*Service' }] }, ec2Event({}, { source }))).toBe(expected);
  });

  it('matches the guide’s event bus ARN example "*:*:*:*:*:event-bus/*"', () => {
    const pattern = onDetail('EventBusArn', { wildcard: '*:*:*:*:*:event-bus/*' });
    const arn = 'arn:aws:events:us-east-1:123456789012:event-bus/default';
    expect(matchesPattern(pattern, ec2Event({ EventBusArn: arn }))).toBe(true);
    expect(matchesPattern(pattern, ec2Event({ EventBusArn: 'arn:aws:events:us-east-1:123456789012:rule/r' }))).toBe(
      false,
    );
  });

  it('matches a literal asterisk when it is escaped as \\*', () => {
    const pattern = onDetail('name', { wildcard: 'a\\*b' });
    expect(matchesPattern(pattern, ec2Event({ name: 'a*b' }))).toBe(true);
    expect(matchesPattern(pattern, ec2Event({ name: 'aXb' }))).toBe(false);
  });

  it('matches a literal backslash when it is escaped as \\\\', () => {
    const pattern = onDetail('path', { wildcard: 'C:\\\\logs\\\\*' });
    expect(matchesPattern(pattern, ec2Event({ path: 'C:\\logs\\app.log' }))).toBe(true);
    expect(matchesPattern(pattern, ec2Event({ path: 'C:/logs/app.log' }))).toBe(false);
  });

  it('takes an escaped asterisk next to a wildcard', () => {
    const pattern = onDetail('name', { wildcard: 'x\\**' });
    expect(matchesPattern(pattern, ec2Event({ name: 'x*anything' }))).toBe(true);
    expect(matchesPattern(pattern, ec2Event({ name: 'xanything' }))).toBe(false);
  });

  it('does not match non-strings', () => {
    expect(matchesPattern(onDetail('c-count', { wildcard: '*' }), ec2Event())).toBe(false);
  });
});

describe('$or', () => {
  it('ORs the guide’s numeric conditions inside detail', () => {
    const pattern = {
      detail: {
        $or: [
          { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] },
          { 'd-count': [{ numeric: ['<', 10] }] },
          { 'x-limit': [{ numeric: ['=', 3.018e2] }] },
        ],
      },
    };
    expect(matchesPattern(pattern, ec2Event({ 'c-count': 50, 'd-count': 50 }))).toBe(true);
    expect(matchesPattern(pattern, ec2Event({ 'c-count': 50, 'd-count': 50, 'x-limit': 1 }))).toBe(false);
  });

  const cloudwatch = (fields: Record<string, unknown>) => ({ source: 'aws.cloudwatch', ...fields });

  it('is ANDed with the fields beside it', () => {
    const pattern = {
      source: ['aws.cloudwatch'],
      $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
    };
    expect(matchesPattern(pattern, cloudwatch({ namespace: 'AWS/ES' }))).toBe(true);
    expect(matchesPattern(pattern, cloudwatch({ metricName: 'ReadLatency' }))).toBe(true);
    expect(matchesPattern(pattern, { source: 'aws.ec2', namespace: 'AWS/ES' })).toBe(false);
    expect(matchesPattern(pattern, cloudwatch({ namespace: 'AWS/S3' }))).toBe(false);
  });

  it('supports an AND inside a branch and a nested $or', () => {
    const pattern = {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization', 'ReadLatency'] },
        {
          metricType: ['MetricType'],
          namespace: ['AWS/EC2', 'AWS/ES'],
          $or: [{ metricId: [1234] }, { spaceId: [1000] }],
        },
        { scope: ['Service'] },
      ],
    };
    expect(matchesPattern(pattern, cloudwatch({ metricType: 'MetricType', namespace: 'AWS/EC2', spaceId: 1000 }))).toBe(
      true,
    );
    expect(matchesPattern(pattern, cloudwatch({ metricType: 'MetricType', namespace: 'AWS/EC2', spaceId: 1 }))).toBe(
      false,
    );
    expect(matchesPattern(pattern, cloudwatch({ metricType: 'MetricType', metricId: 1234 }))).toBe(false);
    expect(matchesPattern(pattern, cloudwatch({ scope: 'Service' }))).toBe(true);
  });

  it('supports parallel $or at different levels', () => {
    const pattern = {
      $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/EC2'] }],
      detail: { $or: [{ source: ['aws.cloudwatch'] }, { 'detail-type': ['CloudWatch Alarm State Change'] }] },
    };
    expect(
      matchesPattern(pattern, { namespace: 'AWS/EC2', detail: { 'detail-type': 'CloudWatch Alarm State Change' } }),
    ).toBe(true);
    expect(matchesPattern(pattern, { namespace: 'AWS/EC2', detail: { source: 'aws.ec2' } })).toBe(false);
  });
});

describe('nested objects and the envelope', () => {
  const objectCreated = {
    version: '0',
    id: '17793124-05d4-b198-2fde-7ededc63b103',
    'detail-type': 'Object Created',
    source: 'aws.s3',
    account: '111122223333',
    time: '2021-11-12T00:00:00Z',
    region: 'ca-central-1',
    resources: ['arn:aws:s3:::example-bucket'],
    detail: {
      version: '0',
      bucket: { name: 'example-bucket' },
      object: { key: 'events/year=2024/part-0.parquet', size: 5, etag: 'b1946ac92492d2347c6235b4d2611184' },
      'request-id': 'N4N7GDK58NMKJ12R',
      requester: '123456789012',
      reason: 'PutObject',
    },
  };

  it('filters on nested detail fields, e.g. an S3 Object Created key', () => {
    const pattern = {
      source: ['aws.s3'],
      'detail-type': ['Object Created'],
      detail: { bucket: { name: ['example-bucket'] }, object: { key: [{ prefix: 'events/' }] } },
    };
    expect(matchesPattern(pattern, objectCreated)).toBe(true);
    expect(matchesPattern({ detail: { object: { key: [{ prefix: 'raw/' }] } } }, objectCreated)).toBe(false);
  });

  it('does not match a nested pattern against a leaf, nor a leaf pattern against an object', () => {
    expect(matchesPattern({ detail: { bucket: { name: { first: ['e'] } } } }, objectCreated)).toBe(false);
    expect(matchesPattern({ detail: { bucket: ['example-bucket'] } }, objectCreated)).toBe(false);
  });

  it.each([
    [{ account: ['111122223333'] }, true],
    [{ account: ['999999999999'] }, false],
    [{ region: ['ca-central-1'] }, true],
    [{ region: ['us-east-1'] }, false],
    [{ resources: ['arn:aws:s3:::example-bucket'] }, true],
    [{ resources: ['arn:aws:s3:::other-bucket'] }, false],
    [{ 'detail-type': ['Object Created'], source: ['aws.s3'] }, true],
    [{ 'detail-type': ['Object Deleted'], source: ['aws.s3'] }, false],
  ])('envelope pattern %j → %s', (pattern, expected) => {
    expect(matchesPattern(pattern, objectCreated)).toBe(expected);
  });

  it('keeps the last of a repeated key in a JSON pattern, as the guide notes', () => {
    const pattern = '{"detail": {"location": [{"prefix": "us-"}], "location": [{"anything-but": "us-east"}]}}';
    expect(matchesPattern(pattern, { detail: { location: 'eu-west' } })).toBe(true);
    expect(matchesPattern(pattern, { detail: { location: 'us-east' } })).toBe(false);
  });
});

describe('validatePattern', () => {
  it('accepts every example used above', () => {
    const valid: unknown[] = [
      { time: [{ prefix: '2017-10-02' }] },
      onDetail('service', { prefix: { 'equals-ignore-case': 'EventB' } }),
      onDetail('state', { 'anything-but': { prefix: 'init' } }),
      onDetail('FilePath', { 'anything-but': { wildcard: ['*/lib/*', '*/bin/*'] } }),
      onDetail('c-count', { numeric: ['>', 0, '<=', 5] }),
      onDetail('ip', { cidr: '2001:db8::/32' }),
      onDetail('c-count', { exists: false }),
      onDetail('x', null, true, 3, 'text', ''),
      { $or: [{ a: ['1'] }, { b: ['2'] }] },
    ];
    for (const pattern of valid) expect(validatePattern(pattern)).toEqual([]);
  });

  it.each([
    [onDetail('state', { 'begins-with': 'init' }), 'detail.state[0].begins-with: unknown operator "begins-with"'],
    [{ source: 'aws.ec2' }, 'source: must be an object or an array'],
    [{ source: [] }, 'source: empty arrays are not allowed'],
    [{}, 'pattern: empty objects are not allowed'],
    [{ detail: {} }, 'detail: empty objects are not allowed'],
    [{ source: [['aws.ec2']] }, 'source[0]: must be a string, number, boolean, null or match expression'],
    [
      onDetail('x', { prefix: 'a', suffix: 'b' }),
      'a match expression takes exactly one operator, found prefix, suffix',
    ],
    [onDetail('x', { prefix: 5 }), 'prefix takes a string or { "equals-ignore-case": string }'],
    [onDetail('x', { prefix: { 'ignore-case': 'a' } }), 'prefix takes a string or { "equals-ignore-case": string }'],
    [onDetail('x', { 'equals-ignore-case': ['a'] }), 'equals-ignore-case takes a string'],
    [onDetail('x', { exists: 'true' }), 'exists takes true or false'],
    [onDetail('x', { numeric: ['!=', 1] }), 'numeric takes [operator, number]'],
    [onDetail('x', { numeric: ['<', 10, '>', 0] }), 'numeric takes [operator, number]'],
    [onDetail('x', { numeric: ['>', 5, '<', 1] }), 'the lower bound must be below the upper bound'],
    [onDetail('x', { numeric: ['>', '5'] }), 'numeric takes [operator, number]'],
    [onDetail('x', { numeric: ['<', 1e10] }), "outside numeric matching's domain"],
    [onDetail('x', { numeric: ['=', 0.0000001] }), "outside numeric matching's domain"],
    [onDetail('x', { cidr: '10.0.0.0/33' }), 'invalid prefix length'],
    [onDetail('x', { cidr: '10.0.0.0' }), 'is not a CIDR block'],
    [onDetail('x', { wildcard: 'dir/**.png' }), 'consecutive wildcard characters at position 4'],
    [onDetail('x', { wildcard: 'a\\b' }), 'invalid escape at position 1'],
    [onDetail('x', { 'anything-but': [] }), 'anything-but takes a string, a number, a non-empty list'],
    [onDetail('x', { 'anything-but': ['a', 1] }), 'anything-but takes a string, a number, a non-empty list'],
    [onDetail('x', { 'anything-but': null }), 'anything-but takes a string, a number, a non-empty list'],
    [onDetail('x', { 'anything-but': { numeric: ['>', 1] } }), 'anything-but takes one of prefix, suffix'],
    [onDetail('x', { 'anything-but': { prefix: '' } }), 'an empty prefix is not allowed'],
    [onDetail('x', { 'anything-but': { wildcard: 'a**' } }), 'consecutive wildcard characters'],
    [{ $or: [{ a: ['1'] }] }, '$or: $or takes an array of at least two objects'],
    [{ $or: { a: ['1'] } }, '$or: $or takes an array of at least two objects'],
    [{ $or: [{ numeric: [1] }, { prefix: ['a'] }] }, '"numeric" is an operator name'],
  ])('rejects %j with a message containing %s', (pattern, message) => {
    const problems = validatePattern(pattern);
    expect(problems.join('\n')).toContain(message);
  });

  it('lists every problem at once', () => {
    const problems = validatePattern({ source: 'aws.ec2', detail: { state: [{ nope: 1 }], n: [{ numeric: [] }] } });
    expect(problems).toHaveLength(3);
  });

  it('rejects non-object patterns and invalid JSON', () => {
    expect(validatePattern(['aws.ec2'])).toEqual(['the event pattern must be a JSON object']);
    expect(validatePattern(null)).toEqual(['the event pattern must be a JSON object']);
    expect(validatePattern('{"source": ')[0]).toMatch(/^the event pattern is not valid JSON/);
  });

  it('makes matchesPattern throw InvalidEventPatternError with the same problems', () => {
    const pattern = onDetail('state', { 'begins-with': 'init' });
    expect(() => matchesPattern(pattern, ec2Event())).toThrow(InvalidEventPatternError);
    expect(() => matchesPattern(pattern, ec2Event())).toThrow(/Event pattern is not valid\. Reason: .*begins-with/);
  });
});
