/** Credentials bound to origins (design.md): which URL may receive which credential. */
import { ChartDeskError } from '../errors';
import type { FlowRepo } from './types';

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * True when repo credentials (password, static or fetched token) may go to `url`: the repo's own
 * origin (scheme, host and port), or any host when the repo allows it (Helm's pass_credentials_all).
 */
export function repoCredentialsAllowed(repo: Pick<FlowRepo, 'url' | 'passCredentialsAll'>, url: string): boolean {
  const target = originOf(url);
  return repo.passCredentialsAll || (target !== undefined && target === originOf(repo.url));
}

/**
 * Checks that the token-server secret may go to `realm`: the repo's approved realm origin, or,
 * when none is approved yet, a realm on the repo's own host. Throws 'realm-mismatch' otherwise.
 * Returns the realm's origin.
 */
export function checkRealmOrigin(repo: FlowRepo, realm: string): string {
  const realmUrl = new URL(realm);
  const realmOrigin = realmUrl.origin;
  const approved = repo.auth.approvedRealmOrigin ? originOf(repo.auth.approvedRealmOrigin) : undefined;
  if (approved) {
    if (approved === realmOrigin) return realmOrigin;
    throw new ChartDeskError(
      'realm-mismatch',
      'challenge',
      `The repo now asks for tokens from ${realmOrigin}, but the approved token server for this repo is ${approved}. Approve ${realmOrigin} to send this repo’s key there.`,
      { hint: 'Only approve it if you trust that server: the repo’s secret will be sent to it.' },
    );
  }
  if (realmUrl.hostname === new URL(repo.url).hostname) return realmOrigin;
  throw new ChartDeskError(
    'realm-mismatch',
    'challenge',
    `The repo asks for tokens from ${realmOrigin}, which is not on the repo’s host. Approve ${realmOrigin} to send this repo’s key there.`,
    { hint: 'Only approve it if you trust that server: the repo’s secret will be sent to it.' },
  );
}

/** Validates a realm from a challenge: an absolute http(s) URL without user info. */
export function checkRealmUrl(realm: string | undefined): string {
  let url: URL;
  try {
    url = new URL(realm ?? '');
  } catch {
    throw new ChartDeskError('challenge-malformed', 'challenge', 'The repo’s Bearer challenge has no valid realm (token server URL).');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ChartDeskError('challenge-malformed', 'challenge', 'The repo’s Bearer challenge names a realm that is not a plain http(s) URL.');
  }
  // A user name or password in the realm came from the server, not from the user: never a credential.
  if (url.username || url.password) {
    throw new ChartDeskError('challenge-malformed', 'challenge', `The repo’s Bearer challenge names a realm with a user name or password in it (${url.protocol}//‹redacted›@${url.host}); ChartDesk does not take credentials from a server’s challenge.`, {
      hint: 'Ask the repo’s admin to drop the credentials from the realm; ChartDesk sends only the secret stored for the repo.',
    });
  }
  return url.toString();
}
