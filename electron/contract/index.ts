/**
 * The one contract between the UI and the core: every method and event the renderer may use,
 * with runtime schemas. Both transports (Electron IPC and the browser mode's HTTP) are generated
 * from it; the renderer imports its types only.
 */
import { z } from 'zod';
import { method, type MethodSpec } from './define';
import { AppInfo } from './app';
import { Repo } from './repos';
import { EVENT_NAMES, METHOD_NAMES, subscriberName } from './names';

const none = z.object({}).strict();

/** Every method the UI may call. */
export const methods = {
  appInfo: method(none, AppInfo, 'Facts about the running app: version, transport, keychain status.'),
  listRepos: method(none, z.array(Repo), 'The configured repos, in the user’s order.'),
} as const satisfies Record<(typeof METHOD_NAMES)[number], MethodSpec>;

/** Every event the core may push to the UI. */
export const events = {
  /** The repo list changed (added, removed, reordered or edited). */
  reposChanged: z.object({ repos: z.array(Repo) }),
} as const satisfies Record<(typeof EVENT_NAMES)[number], z.ZodType>;

/** The contract's method table. */
export type Methods = typeof methods;
/** A method's name. */
export type MethodName = keyof Methods;
/** The argument a method takes, as the caller writes it. */
export type MethodInput<K extends MethodName> = z.input<Methods[K]['input']>;
/** The argument a method receives, after validation and defaults. */
export type MethodArgs<K extends MethodName> = z.output<Methods[K]['input']>;
/** What a method resolves to. */
export type MethodOutput<K extends MethodName> = z.output<Methods[K]['output']>;
/** The contract's event table. */
export type Events = typeof events;
/** An event's name. */
export type EventName = keyof Events;
/** An event's payload. */
export type EventPayload<K extends EventName> = z.output<Events[K]>;

/** The function for subscribing to an event: `on` + the capitalized event name. */
export type SubscriberName<K extends EventName> = `on${Capitalize<K & string>}`;

/** What `window.chartdesk` offers: one function per method, one subscription per event. */
export type ChartDeskApi = {
  [K in MethodName]: (input: MethodInput<K>) => Promise<MethodOutput<K>>;
} & {
  [K in EventName as SubscriberName<K>]: (listener: (payload: EventPayload<K>) => void) => () => void;
};

/** What the Electron preload exposes: the same functions, returning envelopes instead of throwing. */
export type ChartDeskBridge = {
  [K in MethodName]: (input: MethodInput<K>) => Promise<Envelope<MethodOutput<K>>>;
} & {
  [K in EventName as SubscriberName<K>]: (listener: (payload: EventPayload<K>) => void) => () => void;
};

/** The names of all methods. */
export const methodNames: readonly MethodName[] = METHOD_NAMES;
/** The names of all events. */
export const eventNames: readonly EventName[] = EVENT_NAMES;
export { subscriberName };

/** True when `name` is a method of the contract (own property, not inherited). */
export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}

/** The envelope every transport returns: a value, or a serialized error. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { kind: string; step: string; message: string; hint?: string } };

export { AppInfo, KeychainStatus, Transport } from './app';
export { Repo, RepoAuth, RepoTls, AuthMode, TokenDialect } from './repos';
