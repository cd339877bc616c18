/**
 * Writes `text` to the clipboard with navigator.clipboard (allowed in Electron and on the
 * loopback origin of the browser mode). Throws an Error with a user sentence when refused.
 */
export async function copyText(text: string): Promise<void> {
  if (!navigator.clipboard?.writeText) throw new Error('This window cannot write to the clipboard.');
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    throw new Error('The clipboard refused the copy; click the window and try again.');
  }
}
