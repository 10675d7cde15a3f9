import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * SQS stand-in for dead-letter and failure destinations: messages are appended to one NDJSON file per
 * queue under the data directory, where `sluice status` counts them and an operator can redrive them.
 */
export class LocalQueues {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  private fileOf(queue: string): string {
    const name = queue.split(/[/:]/).at(-1) ?? queue;
    return join(this.dir, `${name}.ndjson`);
  }

  async send(queue: string, body: string): Promise<{ MessageId: string }> {
    const MessageId = randomUUID();
    appendFileSync(this.fileOf(queue), `${JSON.stringify({ MessageId, sentAt: new Date().toISOString(), body })}\n`);
    return { MessageId };
  }

  messages(queue: string): { MessageId: string; sentAt: string; body: string }[] {
    const file = this.fileOf(queue);
    if (!existsSync(file)) return [];
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
  }
}
