import { createBucket, deleteBucket, getBucketLocation, headBucket, listBuckets } from './bucket-operations';
import { copyObject } from './copy-object';
import { deleteObjects } from './delete-objects';
import { header } from './http';
import { listObjectsV2 } from './list-objects-v2';
import { deleteObject, getObject, headObject, putObject } from './object-operations';
import type { BucketCall, ObjectCall, S3Call } from './operation';
import { notImplemented, S3Error } from './s3-error';

/**
 * Sub-resources of S3's API this endpoint does not implement. A request naming one is answered 501
 * rather than being mistaken for a plain GET or PUT (a PutBucketPolicy must not create a bucket).
 * Other query parameters, such as the SDK's `x-id=PutObject`, are ignored.
 */
const UNSUPPORTED_SUBRESOURCES = [
  'accelerate',
  'acl',
  'analytics',
  'attributes',
  'cors',
  'encryption',
  'intelligent-tiering',
  'inventory',
  'legal-hold',
  'lifecycle',
  'logging',
  'metadataTable',
  'metrics',
  'notification',
  'object-lock',
  'ownershipControls',
  'partNumber',
  'policy',
  'policyStatus',
  'publicAccessBlock',
  'replication',
  'requestPayment',
  'restore',
  'retention',
  'select',
  'session',
  'tagging',
  'torrent',
  'uploadId',
  'uploads',
  'versioning',
  'versions',
  'website',
];

/** The operation a request asks for, bound to its call; throws the S3 error for anything else. */
export function route(call: S3Call): () => Promise<void> {
  const method = call.request.method ?? 'GET';
  const { bucket, key, query } = call.target;
  if (bucket === undefined) {
    if (method === 'GET') return () => listBuckets(call);
    throw methodNotAllowed(method, 'SERVICE');
  }
  const unsupported = UNSUPPORTED_SUBRESOURCES.find((name) => query.has(name));
  if (unsupported !== undefined) {
    const what =
      unsupported === 'uploads' || unsupported === 'uploadId' ? 'Multipart upload' : `The ?${unsupported} API`;
    throw notImplemented(what);
  }
  const bucketCall: BucketCall = { ...call, bucket };
  if (key === undefined) return bucketRoute(method, bucketCall);
  const objectCall: ObjectCall = { ...bucketCall, key };
  switch (method) {
    case 'GET':
      return () => getObject(objectCall);
    case 'HEAD':
      return () => headObject(objectCall);
    case 'PUT':
      return header(call.request, 'x-amz-copy-source') === undefined
        ? () => putObject(objectCall)
        : () => copyObject(objectCall);
    case 'DELETE':
      return () => deleteObject(objectCall);
    default:
      throw methodNotAllowed(method, 'OBJECT');
  }
}

function bucketRoute(method: string, call: BucketCall): () => Promise<void> {
  const { query } = call.target;
  switch (method) {
    case 'PUT':
      return () => createBucket(call);
    case 'HEAD':
      return () => headBucket(call);
    case 'DELETE':
      return () => deleteBucket(call);
    case 'POST':
      if (query.has('delete')) return () => deleteObjects(call);
      throw methodNotAllowed(method, 'BUCKET');
    case 'GET':
      if (query.has('location')) return () => getBucketLocation(call);
      if (query.get('list-type') === '2') return () => listObjectsV2(call);
      throw notImplemented('ListObjects (version 1; use ListObjectsV2)');
    default:
      throw methodNotAllowed(method, 'BUCKET');
  }
}

function methodNotAllowed(method: string, resourceType: string): S3Error {
  return new S3Error('MethodNotAllowed', 'The specified method is not allowed against this resource.', {
    Method: method,
    ResourceType: resourceType,
  });
}
