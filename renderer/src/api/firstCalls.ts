/**
 * The calls the first screen waits for (app facts, the repo list, the settings), started by the
 * small entry (main.tsx) while the app chunk still loads and React has not drawn yet. The
 * hooks that show their answers start from them once; every later load asks the core again.
 */
import type { MethodOutput } from '../../../electron/contract';
import { FIRST_SCREEN_CALLS, type FirstScreenCall } from '../../../electron/contract/first-screen';
import { LOADING, settle, type AsyncState } from '../hooks/asyncState';
import { api } from './client';

interface FirstCall {
  /** The answer so far: loading until it arrives. */
  state: AsyncState<unknown>;
  answer: Promise<AsyncState<unknown>>;
  taken: boolean;
}

const started = new Map<FirstScreenCall, FirstCall>();

/** Starts the first screen's calls; a second start does nothing. */
export function startFirstCalls(): void {
  for (const name of FIRST_SCREEN_CALLS) {
    if (started.has(name)) continue;
    const call: FirstCall = { state: LOADING, answer: Promise.resolve(LOADING), taken: false };
    call.answer = settle<unknown>(api[name]({})).then((state) => (call.state = state));
    started.set(name, call);
  }
}

/** What a first call has answered so far: a hook's initial state, so a first draw after the answer shows it at once. */
export function firstCallState<K extends FirstScreenCall>(name: K): AsyncState<MethodOutput<K>> {
  const call = started.get(name);
  return (call && !call.taken ? call.state : LOADING) as AsyncState<MethodOutput<K>>;
}

/** A first call's answer, given once (to the hook's first load); undefined when none was started or it was taken. */
export function takeFirstCall<K extends FirstScreenCall>(name: K): Promise<AsyncState<MethodOutput<K>>> | undefined {
  const call = started.get(name);
  if (!call || call.taken) return undefined;
  call.taken = true;
  return call.answer as Promise<AsyncState<MethodOutput<K>>>;
}
