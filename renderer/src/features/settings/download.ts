/** Saves text as a file the user downloads (the browser's download, or Electron's save dialog). */
export function downloadText(fileName: string, content: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the blob; let it go once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
