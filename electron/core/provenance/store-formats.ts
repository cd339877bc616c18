/** On-disk formats of the provenance files in <dataDir>/provenance/: the keyring, repo pins, signing key list. None holds a secret. */
import { z } from 'zod';
import { ChartDeskError } from '../errors';
import { CorruptDocumentError, type DocumentFormat } from '../store/durable-file';
import { MAX_KEYS } from './limits';

const Fingerprint = z.string().regex(/^[0-9A-F]{40}([0-9A-F]{24})?$/);
const Armored = z.string().min(1).max(1_000_000);

const KeyringDoc = z
  .object({
    format: z.literal('chartdesk-keyring'),
    version: z.literal(1),
    keys: z.array(z.object({ fingerprint: Fingerprint, armored: Armored, addedAt: z.number() }).strict()).max(MAX_KEYS),
  })
  .strict();
/** keyring.json: the public keys provenance is checked against. */
export type KeyringDoc = z.output<typeof KeyringDoc>;

const RepoTrustDoc = z
  .object({
    format: z.literal('chartdesk-repo-trust'),
    version: z.literal(1),
    repos: z.record(z.string().min(1).max(200), z.object({ fingerprints: z.array(Fingerprint).max(MAX_KEYS) }).strict()),
  })
  .strict();
/** repo-trust.json: per repo id, the key fingerprints it trusts (none: any key in the keyring). */
export type RepoTrustDoc = z.output<typeof RepoTrustDoc>;

const SigningKeysDoc = z
  .object({
    format: z.literal('chartdesk-signing-keys'),
    version: z.literal(1),
    keys: z
      .array(
        z
          .object({
            fingerprint: Fingerprint,
            userIds: z.array(z.string().max(5000)).max(100),
            createdAt: z.number(),
            expiresAt: z.number().optional(),
            algorithm: z.string().max(100),
            protected: z.boolean(),
            publicKey: Armored,
            addedAt: z.number(),
          })
          .strict(),
      )
      .max(100),
  })
  .strict();
/** signing-keys.json: the public side of each signing key; the secret key itself is in the vault. */
export type SigningKeysDoc = z.output<typeof SigningKeysDoc>;

function formatOf<S extends z.ZodType>(schema: S, name: string, what: string, empty: () => z.output<S>): DocumentFormat<z.output<S>> {
  return {
    parse(json) {
      const version = json && typeof json === 'object' ? (json as { version?: unknown }).version : undefined;
      if (typeof version === 'number' && version > 1) {
        throw new ChartDeskError('store', 'provenance', `${what} was saved by a newer version of ChartDesk (format ${version}); this version will not change it.`, { hint: 'Update ChartDesk.' });
      }
      const result = schema.safeParse(json);
      if (!result.success) throw new CorruptDocumentError(`${name} does not match its format`);
      return result.data;
    },
    serialize: (doc) => `${JSON.stringify(doc, null, 1)}\n`,
    empty,
  };
}

/** The keyring's format. */
export const keyringFormat = formatOf(KeyringDoc, 'keyring.json', 'Your keyring', () => ({ format: 'chartdesk-keyring' as const, version: 1 as const, keys: [] }));
/** The repo pins' format. */
export const repoTrustFormat = formatOf(RepoTrustDoc, 'repo-trust.json', 'The keys your repos trust', () => ({ format: 'chartdesk-repo-trust' as const, version: 1 as const, repos: {} }));
/** The signing key list's format. */
export const signingKeysFormat = formatOf(SigningKeysDoc, 'signing-keys.json', 'Your signing key list', () => ({ format: 'chartdesk-signing-keys' as const, version: 1 as const, keys: [] }));

/** Upper-case hex fingerprint from user input (spaces allowed); undefined when it is not one. */
export function normalizeFingerprint(text: string): string | undefined {
  const hex = text.replace(/\s+/g, '').replace(/^0x/i, '').toUpperCase();
  return Fingerprint.safeParse(hex).success ? hex : undefined;
}
