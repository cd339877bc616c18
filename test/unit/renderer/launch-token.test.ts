/** The browser mode's one-time token leaves the address bar once the page runs; nothing else in the URL changes. */
import { describe, expect, it } from 'vitest';
import { dropLaunchToken } from '../../../renderer/src/api/launchToken';

function run(href: string): { replaced?: string; state?: unknown } {
  const seen: { replaced?: string; state?: unknown } = {};
  dropLaunchToken({ href }, { state: { kept: 1 }, replaceState: (state: unknown, _unused: string, url?: string | URL | null) => Object.assign(seen, { state, replaced: String(url) }) });
  return seen;
}

describe('dropLaunchToken', () => {
  it('removes the token and keeps the path, other parameters and the hash', () => {
    expect(run('http://127.0.0.1:5000/?token=abc')).toEqual({ replaced: '/', state: { kept: 1 } });
    expect(run('http://127.0.0.1:5000/?x=1&token=abc&y=2#tab')).toMatchObject({ replaced: '/?x=1&y=2#tab' });
  });

  it('leaves a URL without a token alone (Electron, a reload)', () => {
    expect(run('app://chartdesk/index.html')).toEqual({});
    expect(run('http://127.0.0.1:5000/')).toEqual({});
  });
});
