/**
 * The Docker credential helper protocol (docker/docker-credential-helpers), as Docker, Helm (3 and
 * 4, through oras), Podman/skopeo and ORAS speak it: one action per run as the only argument, the
 * input on stdin, the answer on stdout, and on failure one line on stdout with exit code 1.
 */
import { ChartDeskError } from '../errors';

/** The actions a helper answers. */
export const HELPER_ACTIONS = ['get', 'store', 'erase', 'list', 'version'] as const;

/** One of HELPER_ACTIONS. */
export type HelperAction = (typeof HELPER_ACTIONS)[number];

/** The protocol's own texts: clients match on these (docker-credential-helpers' credentials/error.go). */
export const HELPER_MESSAGES = {
  notFound: 'credentials not found in native keychain',
  missingServerUrl: 'no credentials server URL',
  missingUsername: 'no credentials username',
} as const;

/** The user name that marks an identity token (an OAuth2 refresh token) instead of a password. */
export const IDENTITY_TOKEN_USERNAME = '<token>';

/** A credential as the protocol carries it. */
export interface HelperCredentials {
  ServerURL: string;
  Username: string;
  Secret: string;
}

/** Where the helper's credentials live (ChartDesk's repos and vault). */
export interface HelperStore {
  /** The credential for a server address, or undefined when ChartDesk has none. */
  get(serverUrl: string): Promise<{ username: string; secret: string } | undefined>;
  /** Server address → user name, for every credential. */
  list(): Promise<Record<string, string>>;
  store(credentials: HelperCredentials): Promise<void>;
  /** False when there was nothing to erase. */
  erase(serverUrl: string): Promise<boolean>;
}

/** What one run printed and its exit code. */
export interface HelperAnswer {
  stdout: string;
  /** A note for people (never read by clients, never a secret); empty when none. */
  stderr: string;
  code: 0 | 1;
}

const fail = (message: string, stderr = ''): HelperAnswer => ({ stdout: `${message}\n`, stderr, code: 1 });

/** Reads store's input: the JSON credential, with the protocol's messages for what is missing. */
function parseCredentials(input: string): HelperCredentials | HelperAnswer {
  let value: unknown;
  try {
    value = JSON.parse(input);
  } catch {
    return fail('The credentials on stdin are not JSON ({"ServerURL","Username","Secret"}).');
  }
  const record = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : '');
  if (!text('ServerURL').trim()) return fail(HELPER_MESSAGES.missingServerUrl);
  if (!text('Username')) return fail(HELPER_MESSAGES.missingUsername);
  return { ServerURL: text('ServerURL').trim(), Username: text('Username'), Secret: text('Secret') };
}

/** The failure line of an error: ChartDesk's own sentence (never a secret), on one line. */
function failure(error: unknown): HelperAnswer {
  if (error instanceof ChartDeskError) {
    const line = [error.message, error.hint].filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
    return fail(line.slice(0, 500));
  }
  return fail('ChartDesk’s credential helper failed unexpectedly.');
}

/** Answers one action; never throws. `version` is the helper's version line. */
export async function answerHelperAction(action: string | undefined, input: string, store: HelperStore, version: string): Promise<HelperAnswer> {
  try {
    switch (action) {
      case 'version':
        return { stdout: `${version}\n`, stderr: '', code: 0 };
      case 'get': {
        const server = input.trim();
        if (!server) return fail(HELPER_MESSAGES.missingServerUrl);
        const found = await store.get(server);
        if (!found) return fail(HELPER_MESSAGES.notFound);
        return { stdout: `${JSON.stringify({ ServerURL: server, Username: found.username, Secret: found.secret })}\n`, stderr: '', code: 0 };
      }
      case 'list':
        return { stdout: `${JSON.stringify(await store.list())}\n`, stderr: '', code: 0 };
      case 'store': {
        const parsed = parseCredentials(input);
        if ('code' in parsed) return parsed;
        await store.store(parsed);
        return { stdout: '', stderr: '', code: 0 };
      }
      case 'erase': {
        const server = input.trim();
        if (!server) return fail(HELPER_MESSAGES.missingServerUrl);
        return (await store.erase(server)) ? { stdout: '', stderr: '', code: 0 } : fail(HELPER_MESSAGES.notFound);
      }
      default:
        // The wording docker-credential-helpers uses, so clients and people recognise it.
        return fail(`Unknown credential action \`${String(action ?? '').slice(0, 40)}\``, `Usage: docker-credential-chartdesk <${HELPER_ACTIONS.join('|')}>\n`);
    }
  } catch (error) {
    return failure(error);
  }
}
