/** Auth parts a repo shows: the Connection tab is in the first chunk, so its shortcuts (Ctrl/Cmd+R runs Connect) work the moment it is opened. */

/** A repo's Connection tab. */
export { ConnectionTab } from './ConnectionTab';
