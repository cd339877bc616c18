/** `chartdesk keys import|list|remove|pin|unpin|pins`: the keyring, the signing keys and repo pins. */
import { ChartDeskError } from '../../core/errors';
import { MAX_KEY_FILE_BYTES } from '../../core/provenance/limits';
import { formatFingerprint } from '../../core/provenance/outcome';
import { normalizeFingerprint } from '../../core/provenance/store-formats';
import { UsageError, type CliIo, type CommandRunner } from '../command';
import { closestOption } from '../option-hint';
import { openProvenanceStores, readCappedFile, type ProvenanceStores } from '../provenance-cli';
import type { CliServices } from '../services';
import { findStoredRepo } from '../stored-repo';
import { formatKeys } from './keys-format';
import { parseArgs } from './repos-args';

type Sub = (stores: ProvenanceStores, argv: string[], io: CliIo, services: CliServices) => Promise<number>;

const fingerprintArg = (text: string | undefined): string => {
  const hex = text ? normalizeFingerprint(text) : undefined;
  if (!hex) throw new UsageError('give the key’s full fingerprint (40 hex digits; chartdesk keys list shows them)');
  return hex;
};

const importKeys: Sub = async (stores, argv, io) => {
  const args = parseArgs(argv, [], ['secret']);
  const [file, ...extra] = args.positionals;
  if (!file || extra.length) throw new UsageError('keys import needs one key file');
  const bytes = await readCappedFile(file, MAX_KEY_FILE_BYTES, 'key file');
  if (args.switches.has('secret')) {
    const { keys, publicKeys } = await stores.signing.import(bytes, file);
    await stores.keyring.add(publicKeys);
    for (const k of keys) io.stdout(`Imported signing key ${k.userIds[0] ?? ''} (${formatFingerprint(k.fingerprint)})${k.protected ? ', protected by a passphrase' : ''}; its secret key is in the vault, its public key in your keyring.\n`);
    return 0;
  }
  const result = await stores.keyring.import(bytes, file);
  for (const k of result.added) io.stdout(`Added ${k.userIds[0] ?? ''} (${formatFingerprint(k.fingerprint)}).\n`);
  for (const k of result.updated) io.stdout(`Updated ${k.userIds[0] ?? ''} (${formatFingerprint(k.fingerprint)}).\n`);
  if (result.hadSecretKeys) io.stderr('chartdesk keys: the file held secret keys; only their public parts were added (use --secret to sign with them).\n');
  return 0;
};

const list: Sub = async (stores, argv, io) => {
  const args = parseArgs(argv, [], ['json']);
  if (args.positionals.length) throw new UsageError('keys list takes no arguments');
  const [keys, signingKeys] = await Promise.all([stores.keyring.list(), stores.signing.list()]);
  if (args.switches.has('json')) {
    io.stdout(`${JSON.stringify({ keys, signingKeys: signingKeys.map(({ publicKey: _p, ...k }) => k) }, null, 2)}\n`);
    return 0;
  }
  io.stdout(keys.length ? `Keyring (${keys.length}):\n${formatKeys(keys)}` : 'The keyring is empty. Add a publisher’s key with `chartdesk keys import FILE`.\n');
  if (signingKeys.length) {
    io.stdout(`\nSigning keys (${signingKeys.length}, secret keys in the vault):\n${formatKeys(signingKeys, (k) => {
      const s = signingKeys.find((x) => x.fingerprint === k.fingerprint);
      return s?.protected ? (s.passphraseSaved ? ', passphrase kept' : ', passphrase asked') : '';
    })}`);
  }
  return 0;
};

const remove: Sub = async (stores, argv, io) => {
  const args = parseArgs(argv, [], ['secret']);
  const [fingerprint, ...extra] = args.positionals;
  if (extra.length) throw new UsageError('keys remove takes one fingerprint');
  const hex = fingerprintArg(fingerprint);
  const removed = args.switches.has('secret') ? await stores.signing.remove(hex) : await stores.keyring.remove(hex);
  io.stdout(`Removed ${args.switches.has('secret') ? 'signing key ' : ''}${removed.userIds[0] ?? ''} (${formatFingerprint(removed.fingerprint)}).\n`);
  return 0;
};

const forgetPassphrase: Sub = async (stores, argv, io) => {
  const [fingerprint] = parseArgs(argv, [], []).positionals;
  await stores.signing.forgetPassphrase(fingerprintArg(fingerprint));
  io.stdout('Forgot the kept passphrase.\n');
  return 0;
};

const repoOf = async (services: CliServices, io: CliIo, name: string | undefined) => {
  if (!name) throw new UsageError('which stored repo?');
  const stored = await findStoredRepo(await services.repos(io.env), { name });
  if (!stored) throw new ChartDeskError('not-found', 'find-repo', `There is no repo named “${name}”.`);
  return stored.view;
};

const pin: Sub = async (stores, argv, io, services) => {
  const [name, ...fingerprints] = parseArgs(argv, [], []).positionals;
  const repo = await repoOf(services, io, name);
  if (!fingerprints.length) throw new UsageError('keys pin needs a repo and at least one fingerprint');
  const pinned = await stores.trust.set(repo.id, [...(await stores.trust.get(repo.id)), ...fingerprints.map(fingerprintArg)]);
  io.stdout(`${repo.name} now trusts only: ${pinned.map(formatFingerprint).join('; ')}.\n`);
  return 0;
};

const unpin: Sub = async (stores, argv, io, services) => {
  const repo = await repoOf(services, io, parseArgs(argv, [], []).positionals[0]);
  await stores.trust.set(repo.id, []);
  io.stdout(`${repo.name} trusts any key of your keyring again.\n`);
  return 0;
};

const pins: Sub = async (stores, argv, io, services) => {
  const repo = await repoOf(services, io, parseArgs(argv, [], []).positionals[0]);
  const list = await stores.trust.get(repo.id);
  io.stdout(list.length ? `${list.map(formatFingerprint).join('\n')}\n` : `${repo.name} pins no keys: any key of your keyring counts.\n`);
  return 0;
};

const SUBCOMMANDS: Record<string, Sub> = { import: importKeys, list, remove, 'forget-passphrase': forgetPassphrase, pin, unpin, pins };

/** Runs `chartdesk keys` (help: help/provenance.ts). */
export const runKeys: CommandRunner = async (services, io) => {
  const [sub, ...rest] = io.argv;
  const run = sub && Object.hasOwn(SUBCOMMANDS, sub) ? SUBCOMMANDS[sub] : undefined;
  if (!run) {
    const meant = sub ? closestOption(sub, Object.keys(SUBCOMMANDS)) : undefined;
    throw new UsageError(sub ? `Unknown subcommand “${sub}”${meant ? ` (did you mean “${meant}”?)` : ''}.` : 'Which subcommand?');
  }
  try {
    return await run(await openProvenanceStores(services, io.env), rest, io, services);
  } finally {
    await services.close();
  }
};
