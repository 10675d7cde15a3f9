export { AwsChunkedDecoder } from './aws-chunked';
export { S3Error } from './s3-error';
export type { S3Server, S3ServerOptions } from './s3-server';
export { startS3Server } from './s3-server';
