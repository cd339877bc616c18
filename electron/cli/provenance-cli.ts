/** What the provenance commands (verify, keys, pull --verify, push --sign) share: the stores, key files, passphrases, output. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import type * as openpgp from 'openpgp';
import { ChartDeskError } from '../core/errors';
import { resolveDataDir } from '../core/paths';
import { readKeyFile } from '../core/provenance/key-data';
import { createKeyring, type Keyring } from '../core/provenance/keyring';
import { MAX_KEY_FILE_BYTES } from '../core/provenance/limits';
import { formatFingerprint, type ProvenanceOutcome } from '../core/provenance/outcome';
import { createRepoTrust, type RepoTrust } from '../core/provenance/repo-trust';
import { createSigningKeys, type SigningKeyEntry, type SigningKeys } from '../core/provenance/signing-keys';
import type { CliIo } from './command';
import { secretFromStdin } from './commands/repos-args';
import type { CliServices } from './services';

/** The provenance stores of the CLI's data folder (CHARTDESK_HOME overrides). */
export interface ProvenanceStores {
  keyring: Keyring;
  trust: RepoTrust;
  signing: SigningKeys;
}

/** Opens the stores; signing keys use the repos' keychain-backed vault (the CLI refuses to store without a keychain). */
export async function openProvenanceStores(services: CliServices, env: NodeJS.ProcessEnv): Promise<ProvenanceStores> {
  const dataDir = resolveDataDir(env, process.platform, os.homedir());
  const repos = await services.repos(env);
  return {
    keyring: createKeyring({ dataDir, notify: repos.notify }),
    trust: createRepoTrust({ dataDir, notify: repos.notify }),
    signing: createSigningKeys({ dataDir, vault: repos.vault, notify: repos.notify }),
  };
}

/** Reads a local file up to `max` bytes; not-found / too-large otherwise. */
export async function readCappedFile(file: string, max: number, what: string): Promise<Buffer> {
  const stat = await fs.stat(file).catch(() => undefined);
  if (!stat?.isFile()) throw new ChartDeskError('not-found', 'read-file', `There is no ${what} at ${file}.`);
  if (stat.size > max) throw new ChartDeskError('too-large', 'read-file', `${file} is larger than ${Math.round(max / (1024 * 1024))} MB.`);
  return fs.readFile(file);
}

/** The public keys of a --keyring file (as Helm's --keyring takes a gpg keyring). */
export async function keysOfFile(file: string): Promise<openpgp.PublicKey[]> {
  return (await readKeyFile(await readCappedFile(file, MAX_KEY_FILE_BYTES, 'keyring file'), file)).publicKeys;
}

/** Prints an outcome: `helm verify`'s lines on stdout when verified, the sentence and hint on stderr otherwise. */
export function printOutcome(io: Pick<CliIo, 'stdout' | 'stderr'>, command: string, outcome: ProvenanceOutcome): number {
  if (outcome.verified && outcome.signer) {
    for (const id of outcome.signer.userIds) io.stdout(`Signed by: ${id}\n`);
    io.stdout(`Using Key With Fingerprint: ${outcome.signer.fingerprint}\n`);
    io.stdout(`Chart Hash Verified: sha256:${outcome.signedDigest ?? ''}\n`);
    return 0;
  }
  io.stderr(`chartdesk ${command}: ${outcome.status}: ${outcome.summary}${outcome.hint ? `\n  ${outcome.hint}` : ''}\n`);
  return 1;
}

/** The signing key a --sign argument names: a fingerprint, its last 16 or 8 hex digits, or a unique part of its user id. */
export async function findSigningKey(signing: SigningKeys, query: string): Promise<SigningKeyEntry> {
  const keys = await signing.list();
  const hex = query.replace(/\s+/g, '').replace(/^0x/i, '').toUpperCase();
  const byHex = /^[0-9A-F]{8,}$/.test(hex) ? keys.filter((k) => k.fingerprint.endsWith(hex)) : [];
  const matches = byHex.length ? byHex : keys.filter((k) => k.userIds.some((id) => id === query || id.toLowerCase().includes(query.toLowerCase())));
  if (matches.length === 1) return matches[0] as SigningKeyEntry;
  if (matches.length === 0) {
    throw new ChartDeskError('not-found', 'sign', `No signing key matches “${query.slice(0, 100)}”.`, { hint: keys.length ? `Signing keys: ${keys.map((k) => `${k.userIds[0] ?? ''} ${formatFingerprint(k.fingerprint)}`).join('; ')}.` : 'Import one with chartdesk keys import --secret FILE.' });
  }
  throw new ChartDeskError('bad-request', 'sign', `More than one signing key matches “${query.slice(0, 100)}”; give its fingerprint.`);
}

/** A signing passphrase from CHARTDESK_SIGNING_PASSPHRASE, else from stdin; undefined when neither has one. */
export async function passphraseFromInput(io: Pick<CliIo, 'env' | 'readStdin'>): Promise<string | undefined> {
  const fromEnv = io.env.CHARTDESK_SIGNING_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return secretFromStdin(await io.readStdin());
}
