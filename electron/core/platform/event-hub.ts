import type { CoreEvent, CoreEventListener } from '../../../shared/events.ts';
import { log } from './log.ts';

/**
 * The core's event stream inside the process: services `emit` what changed, and each front door
 * subscribes once to carry it on (IPC in the desktop app, Server-Sent Events in browser mode). A
 * listener that throws is logged and does not stop the others.
 */
export class EventHub {
  readonly #listeners = new Set<CoreEventListener>();

  emit(event: CoreEvent): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch (error) {
        log.error(`a listener of ${event.type} failed`, error);
      }
    }
  }

  /** Starts listening; returns the function that stops it. */
  subscribe(listener: CoreEventListener): () => void {
    // A wrapper of its own, so the same function subscribed twice is two subscriptions.
    const own: CoreEventListener = (event) => listener(event);
    this.#listeners.add(own);
    return () => void this.#listeners.delete(own);
  }
}

/** Where a service announces a change: the hub's `emit`, or nothing in a test that does not listen. */
export type EmitEvent = (event: CoreEvent) => void;
