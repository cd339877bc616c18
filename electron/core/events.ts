import type { EventName, EventPayload } from '../contract';

/** A listener for every event the core emits. */
export type EventListener = <K extends EventName>(name: K, payload: EventPayload<K>) => void;

/** The core's outgoing event stream, shared by both transports. */
export interface EventBus {
  emit<K extends EventName>(name: K, payload: EventPayload<K>): void;
  subscribe(listener: EventListener): () => void;
}

/** Creates an in-process event bus; a failing listener never stops the others. */
export function createEventBus(onListenerError: (error: unknown) => void = () => {}): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(name, payload) {
      for (const listener of [...listeners]) {
        try {
          listener(name, payload);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
