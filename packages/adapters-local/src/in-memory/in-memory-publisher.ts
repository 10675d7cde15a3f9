import type { PipelineEventToPublish, PublishPipelineEvents } from '@sluice/core';

/** Collects published pipeline events; for tests and for runs with no bus. */
export function createInMemoryPublisher(): { publish: PublishPipelineEvents; events: PipelineEventToPublish[] } {
  const events: PipelineEventToPublish[] = [];
  return {
    events,
    publish: async (batch) => {
      events.push(...batch);
    },
  };
}
