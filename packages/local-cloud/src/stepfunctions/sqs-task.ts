import { createHash } from 'node:crypto';
import { isObject } from './state-walk';
import { runtimeFailure, serviceFailure } from './task-failure';
import type { JsonValue, SendMessage } from './types';

/**
 * `arn:aws:states:::sqs:sendMessage`: sends `MessageBody` to the local queue at `QueueUrl`, a JSON body (object,
 * array, number) as its JSON text as Step Functions does, and answers with SendMessage's MessageId and MD5.
 *
 * @example
 * ```ts
 * await sendMessageTask({ QueueUrl: url, MessageBody: { key: 'curated/x.parquet' } }, sendMessage);
 * // { MessageId: '…', MD5OfMessageBody: '…' }
 * ```
 */
export async function sendMessageTask(parameters: JsonValue, sendMessage: SendMessage): Promise<JsonValue> {
  if (!isObject(parameters) || typeof parameters.QueueUrl !== 'string' || parameters.MessageBody === undefined) {
    throw runtimeFailure('sqs:sendMessage needs Parameters.QueueUrl as a string and a MessageBody');
  }
  const { QueueUrl, MessageBody, ...rest } = parameters;
  const unsupported = Object.keys(rest);
  if (unsupported.length > 0) {
    // The local queue port carries a body only; dropping attributes or FIFO ids silently would hide a difference.
    throw runtimeFailure(`sqs:sendMessage parameters not supported locally: ${unsupported.join(', ')}`);
  }
  const body = typeof MessageBody === 'string' ? MessageBody : JSON.stringify(MessageBody);
  let messageId: string;
  try {
    ({ MessageId: messageId } = await sendMessage(QueueUrl, body));
  } catch (thrown) {
    throw serviceFailure('SQS', thrown);
  }
  return { MessageId: messageId, MD5OfMessageBody: createHash('md5').update(body).digest('hex') };
}
