import { S3Error } from './s3-error';
import { unescapeXml } from './xml';

/** S3's limit on the keys of one DeleteObjects request. */
export const MAX_DELETE_KEYS = 1000;

export interface DeleteRequest {
  readonly keys: readonly string[];
  /** Quiet mode: the response lists only the keys that failed. */
  readonly quiet: boolean;
}

/**
 * Reads a DeleteObjects body (`<Delete><Object><Key>k</Key></Object>...<Quiet>true</Quiet></Delete>`).
 * The shape is fixed and small, so a few anchored patterns do instead of an XML parser dependency;
 * anything else is MalformedXML, as S3 answers.
 *
 * @example
 * parseDeleteRequest('<Delete><Object><Key>a&amp;b</Key></Object></Delete>'); // { keys: ['a&b'], quiet: false }
 */
export function parseDeleteRequest(xml: string): DeleteRequest {
  const body = /<Delete(?:\s[^>]*)?>([\s\S]*)<\/Delete>/.exec(xml)?.[1];
  if (body === undefined) throw malformedXml();
  const keys: string[] = [];
  for (const [, object = ''] of body.matchAll(/<Object>([\s\S]*?)<\/Object>/g)) {
    const key = /<Key>([\s\S]*?)<\/Key>/.exec(object)?.[1];
    if (key === undefined) throw malformedXml();
    keys.push(unescapeXml(key));
  }
  if (keys.length === 0 || keys.length > MAX_DELETE_KEYS) throw malformedXml();
  const quiet = /<Quiet>\s*true\s*<\/Quiet>/i.test(body);
  return { keys, quiet };
}

function malformedXml(): S3Error {
  return new S3Error(
    'MalformedXML',
    'The XML you provided was not well-formed or did not validate against our published schema',
  );
}
