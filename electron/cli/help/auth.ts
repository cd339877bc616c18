/** Help of the auth commands: get, token, decode. */
import { NETWORK_USAGE } from '../url-repo';
import { exitCodes, type CommandHelp } from './common';

/** `chartdesk get`. */
export const GET_HELP: CommandHelp = {
  name: 'get',
  summary: 'GET a URL through the auth flow (401 -> token -> retry); body to stdout',
  usage: [
    'Usage: chartdesk get <url> [options]',
    '',
    'Fetches <url> (e.g. http://localhost:8080/org1/repo1/index.yaml), answering the repo’s',
    'challenge with a token from its token server. Exit 0 on 2xx; otherwise one line on stderr',
    'names the failed step and the reason. The body is written as received, decoded from any',
    'Content-Encoding (like curl --compressed), so it may be binary.',
    'A URL at or below a stored repo’s URL (chartdesk repos add) uses that repo’s settings and',
    'the credentials in the keychain.',
    '',
    'Options:',
    '  --scope pull|push     Ask for a push token (pull,push) instead of pull',
    ...NETWORK_USAGE,
    '',
    exitCodes('the request failed or the server answered something other than 2xx'),
  ].join('\n'),
};

/** `chartdesk token`. */
export const TOKEN_HELP: CommandHelp = {
  name: 'token',
  summary: 'Print a fresh token for a repo (raw, or --json with decoded claims)',
  usage: [
    'Usage: chartdesk token <repo-name|repo-url> [options]',
    '',
    'Asks the repo’s token server for a fresh token (the repo URL is the folder that holds',
    'index.yaml, e.g. http://localhost:8080/org1/repo1, or an OCI registry namespace such as',
    'oci://ghcr.io/org/charts) and prints it raw, like `gh auth token`.',
    'A stored repo (chartdesk repos add) is named by its name or URL and uses the credentials in the',
    'keychain; a static bearer repo prints its stored token.',
    '',
    'Options:',
    '  --scope S             pull (default), push or pull,push (push tokens always carry pull)',
    '  --json                Print {token, header, claims, expiresAt, scope, dialect}',
    ...NETWORK_USAGE,
    '',
    exitCodes('no token: the step that failed is named on stderr'),
  ].join('\n'),
};

/** `chartdesk decode`. */
export const DECODE_HELP: CommandHelp = {
  name: 'decode',
  summary: 'Decode a JWT from stdin (and verify it with --key or --jwks)',
  usage: [
    'Usage: chartdesk decode [--key FILE | --jwks URL] < token',
    '',
    'Prints {header, claims, issuedAt, expiresAt, expired} as JSON. With --key (a PEM public key',
    'or X.509 certificate) or --jwks (a JWKS URL) it also verifies the signature and times and adds',
    '"verified" and, when false, "reason".',
    '',
    exitCodes('not a JWT, or (with --key or --jwks) the signature or times did not verify'),
  ].join('\n'),
};
