/**
 * The preload: exposes exactly the contract's methods and event subscriptions on
 * `window.chartdesk`, one named function each. Nothing generic crosses the bridge.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_NAMES as eventNames, METHOD_NAMES as methodNames, subscriberName } from './contract/names';
import { eventChannel, methodChannel } from './main/channels';

const bridge: Record<string, unknown> = {};
for (const name of methodNames) {
  const channel = methodChannel(name);
  bridge[name] = (input: unknown) => ipcRenderer.invoke(channel, input);
}
for (const name of eventNames) {
  const channel = eventChannel(name);
  bridge[subscriberName(name)] = (listener: (payload: unknown) => void) => {
    const wrapped = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => ipcRenderer.removeListener(channel, wrapped);
  };
}
contextBridge.exposeInMainWorld('chartdesk', Object.freeze(bridge));
