/**
 * What `applyProcessorEvent` (processorEvents.ts) did with an event; the handlers it
 * delegates to (processorSetups.ts) answer the same, from this file of their own so
 * neither imports the other.
 */
export type ProcessorEventOutcome = 'applied' | 'ignored' | 'duplicate';
