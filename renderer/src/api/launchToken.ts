/**
 * Removes the browser mode's one-time `token` from the address bar, once the page that came with
 * its session cookie is running (nothing to do in Electron, whose URL never carries one).
 */
export function dropLaunchToken(location: Pick<Location, 'href'> = window.location, history: Pick<History, 'state' | 'replaceState'> = window.history): void {
  const url = new URL(location.href);
  if (!url.searchParams.has('token')) return;
  url.searchParams.delete('token');
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
}
