export {
  BucketAlreadyOwnedByYouError,
  BucketNotEmptyError,
  InvalidBucketNameError,
  InvalidKeyError,
  InvalidRangeError,
  KeyConflictError,
  KeyTooLongError,
  NoSuchBucketError,
  NoSuchKeyError,
  ObjectStoreError,
} from './errors';
export type {
  Listener,
  ListenerErrorHandler,
  ObjectCreatedEvent,
  ObjectCreatedReason,
  ObjectRemovedEvent,
} from './events';
export type { CopyObjectOptions, ObjectStream, PutObjectOptions } from './file-object-store';
export { FileObjectStore } from './file-object-store';
export { compareKeys, isValidBucketName, MAX_KEY_BYTES, validateBucketName, validateKey } from './keys';
export { META_FOLDER, TMP_FOLDER } from './layout';
export type { BucketInfo, LocalBucketsOptions } from './local-buckets';
export { LocalBuckets } from './local-buckets';
export type { ChecksumAlgorithm, ObjectChecksum, ObjectHeaders, ObjectInfo } from './object-info';
export { DEFAULT_CONTENT_TYPE } from './object-info';
export type { ByteRange, RangeRequest } from './ranges';
export { resolveRange } from './ranges';
