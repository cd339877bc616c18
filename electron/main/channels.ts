/** The IPC channel of a contract method. */
export const methodChannel = (name: string): string => `chartdesk:call:${name}`;
/** The IPC channel of a contract event. */
export const eventChannel = (name: string): string => `chartdesk:event:${name}`;
