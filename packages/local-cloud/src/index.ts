/**
 * The local cloud: Kinesis- and S3-compatible endpoints, EventBridge, Step Functions, Lambda and the HTTP
 * API on 127.0.0.1, wired from the services' serverless.yml, plus the traffic generator.
 */
export * from './eventbridge';
export * from './faults';
export * from './generator';
export * from './kinesis';
export * from './runtime/local-cloud';
export * from './s3';
export * from './stepfunctions';
export * from './wiring';
