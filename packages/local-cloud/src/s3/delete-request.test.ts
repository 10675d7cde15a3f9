import { describe, expect, it } from 'vitest';
import { parseDeleteRequest } from './delete-request';
import { S3Error } from './s3-error';

describe('parseDeleteRequest', () => {
  it('reads keys (entities decoded) and quiet mode from the SDK body', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
      '<Object><Key>a&amp;b &lt;c&gt;</Key></Object><Object><Key>tab&#x9;here</Key><VersionId>null</VersionId></Object>' +
      '<Quiet>true</Quiet></Delete>';
    expect(parseDeleteRequest(xml)).toEqual({ keys: ['a&b <c>', 'tab\there'], quiet: true });
  });

  it.each([
    ['no Delete element', '<Other/>'],
    ['no objects', '<Delete></Delete>'],
    ['an object without a key', '<Delete><Object><VersionId>1</VersionId></Object></Delete>'],
    ['more than 1,000 objects', `<Delete>${'<Object><Key>k</Key></Object>'.repeat(1001)}</Delete>`],
  ])('rejects %s as MalformedXML', (_, xml) => {
    expect(() => parseDeleteRequest(xml)).toThrow(S3Error);
    try {
      parseDeleteRequest(xml);
    } catch (error) {
      expect((error as S3Error).s3Code).toBe('MalformedXML');
    }
  });
});
