import type { ChartDeskApi, ChartDeskBridge, Envelope, EventName, EventPayload, MethodName } from '../../../electron/contract';

/** A failure reported by the core, with the step that failed. */
export class ApiError extends Error {
  constructor(
    readonly kind: string,
    readonly step: string,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    chartdesk?: ChartDeskBridge;
  }
}

async function callOverHttp(name: MethodName, input: unknown): Promise<unknown> {
  const response = await fetch(`./api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input ?? {}),
    credentials: 'same-origin',
  });
  let envelope: Envelope<unknown>;
  try {
    envelope = (await response.json()) as Envelope<unknown>;
  } catch {
    throw new ApiError('network', 'browser-mode', `ChartDesk's server answered ${response.status} without a result.`);
  }
  if (!envelope.ok) throw new ApiError(envelope.error.kind, envelope.error.step, envelope.error.message, envelope.error.hint);
  return envelope.value;
}

type Listener = (payload: unknown) => void;

/** Called whenever the browser mode's event stream (re)connects: events sent while it was down are lost. */
const connectedListeners = new Set<() => void>();
let eventSource: EventSource | undefined;

function openEventSource(): EventSource {
  if (!eventSource) {
    eventSource = new EventSource('./api/events', { withCredentials: true });
    eventSource.addEventListener('open', () => {
      for (const listener of connectedListeners) listener();
    });
  }
  return eventSource;
}

/**
 * Runs `listener` each time the event stream connects or reconnects, so a view can reload what
 * events would have told it. Electron's IPC never drops events: there it never runs.
 */
export function onEventsConnected(listener: () => void): () => void {
  if (window.chartdesk) return () => {};
  openEventSource();
  connectedListeners.add(listener);
  return () => connectedListeners.delete(listener);
}

function createEventSource(): (event: EventName, listener: Listener) => () => void {
  const listeners = new Map<string, Set<Listener>>();
  return (event, listener) => {
    const source = openEventSource();
    let set = listeners.get(event);
    if (!set) {
      const created = new Set<Listener>();
      listeners.set(event, created);
      source.addEventListener(event, (message) => {
        const payload: unknown = JSON.parse((message as MessageEvent<string>).data);
        for (const each of created) each(payload);
      });
      set = created;
    }
    set.add(listener);
    return () => set.delete(listener);
  };
}

/** The browser mode's implementation of the contract: POST /api/<method> and an event stream. */
function createHttpApi(): ChartDeskApi {
  const subscribe = createEventSource();
  return new Proxy({} as ChartDeskApi, {
    get(_target, property) {
      if (typeof property !== 'string') return undefined;
      if (/^on[A-Z]/.test(property)) {
        const event = (property.charAt(2).toLowerCase() + property.slice(3)) as EventName;
        return (listener: (payload: EventPayload<typeof event>) => void) => subscribe(event, listener as Listener);
      }
      return (input: unknown) => callOverHttp(property as MethodName, input);
    },
  });
}

/** Unwraps the Electron preload's envelopes so both transports throw ApiError alike. */
function wrapElectronApi(bridge: ChartDeskBridge): ChartDeskApi {
  return new Proxy({} as ChartDeskApi, {
    get(_target, property) {
      if (typeof property !== 'string') return undefined;
      const member = (bridge as unknown as Record<string, unknown>)[property];
      if (typeof member !== 'function') return undefined;
      if (/^on[A-Z]/.test(property)) return member;
      return async (input: unknown) => {
        const envelope = (await (member as (i: unknown) => Promise<Envelope<unknown>>)(input)) as Envelope<unknown>;
        if (!envelope.ok) throw new ApiError(envelope.error.kind, envelope.error.step, envelope.error.message, envelope.error.hint);
        return envelope.value;
      };
    },
  });
}

/** The transport this renderer runs on, found once at start-up. */
export const transportKind: 'electron' | 'browser' = window.chartdesk ? 'electron' : 'browser';

/** The contract, whichever transport carries it. */
export const api: ChartDeskApi = window.chartdesk ? wrapElectronApi(window.chartdesk) : createHttpApi();
