import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { methodNames, eventNames } from '../contract';
import type { Dispatcher } from '../core/dispatch';
import type { EventBus } from '../core/events';
import { eventChannel, methodChannel } from './channels';
import { isTrustedSender } from './trusted-sender';


function senderIsTrusted(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return isTrustedSender({ url: frame?.url, isMainFrame: frame !== null && frame === event.sender.mainFrame });
}

/**
 * Registers one handler per contract method: each refuses any sender but the app's own main frame,
 * and the dispatcher validates arguments against the contract before the core sees them.
 */
export function registerIpcHandlers(dispatcher: Dispatcher): void {
  for (const name of methodNames) {
    ipcMain.handle(methodChannel(name), (event, args: unknown) => {
      if (!senderIsTrusted(event)) {
        return { ok: false, error: { kind: 'bad-request', step: 'ipc', message: 'Refused a call from a frame that is not ChartDesk’s own page.' } };
      }
      return dispatcher.call(name, args);
    });
  }
}

/** Forwards core events to a window's main frame on each event's own channel. */
export function forwardEvents(events: EventBus, window: BrowserWindow): () => void {
  const known = new Set<string>(eventNames);
  return events.subscribe((name, payload) => {
    if (known.has(name) && !window.isDestroyed()) window.webContents.send(eventChannel(name), payload);
  });
}
