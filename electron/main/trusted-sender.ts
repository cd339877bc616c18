/** The scheme and host the app's own pages are served from. */
export const APP_ORIGIN = 'app://chartdesk';

/** What the IPC layer knows about the frame that sent a message. */
export interface SenderFacts {
  /** The frame's URL, or undefined when the frame is gone. */
  url: string | undefined;
  /** True when the frame is its window's top-level frame. */
  isMainFrame: boolean;
}

/** True only for the app's own top-level page served from app://chartdesk. */
export function isTrustedSender(sender: SenderFacts): boolean {
  if (!sender.isMainFrame || !sender.url) return false;
  try {
    const url = new URL(sender.url);
    return url.protocol === 'app:' && url.host === 'chartdesk';
  } catch {
    return false;
  }
}
