/** A pipeline event for the event bus (EventBridge PutEvents entry). */
export interface PipelineEventToPublish {
  readonly source: string;
  readonly detailType: string;
  readonly detail: unknown;
  readonly resources?: readonly string[];
}

/** Publishes pipeline events; throws if any entry was not accepted. */
export type PublishPipelineEvents = (events: readonly PipelineEventToPublish[]) => Promise<void>;
