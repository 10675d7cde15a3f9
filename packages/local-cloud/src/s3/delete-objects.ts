import { parseDeleteRequest } from './delete-request';
import type { BucketCall } from './operation';
import { openRequestBody } from './request-body';
import { sendXml } from './responses';
import { asS3Error, S3Error } from './s3-error';
import { element, group, s3Document } from './xml';

/** 1,000 keys of 1,024 bytes plus their XML fit well within this. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

/**
 * DeleteObjects (`POST /bucket?delete`). Like S3, it requires Content-MD5 or a checksum, deletes what it
 * can, and reports each key as Deleted (missing keys included) or as an Error, in one 200 response.
 */
export async function deleteObjects({ request, response, buckets, bucket }: BucketCall): Promise<void> {
  const store = buckets.bucket(bucket);
  const body = openRequestBody(request);
  if (!body.hasIntegrityCheck) {
    throw new S3Error('InvalidRequest', 'Missing required header for this request: Content-MD5');
  }
  const { keys, quiet } = parseDeleteRequest(await readText(body.stream));

  const results: string[] = [];
  for (const key of keys) {
    try {
      await store.delete(key);
      if (!quiet) results.push(group('Deleted', [element('Key', key)]));
    } catch (error) {
      const s3Error = asS3Error(error);
      if (!s3Error) throw error;
      results.push(
        group('Error', [element('Key', key), element('Code', s3Error.s3Code), element('Message', s3Error.message)]),
      );
    }
  }
  sendXml(response, 200, s3Document('DeleteResult', results));
}

async function readText(stream: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      throw new S3Error('MaxMessageLengthExceeded', 'Your request was too big.');
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
