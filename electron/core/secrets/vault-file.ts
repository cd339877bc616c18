/** The encrypted vault file (vault.json): entry ids in clear, each secret sealed with AES-256-GCM. */
import { z } from 'zod';
import { ChartDeskError } from '../errors';
import { CorruptDocumentError, type DocumentFormat } from '../store/durable-file';

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/).max(200_000);

/** One sealed entry. */
const SealedEntry = z.object({ iv: Base64, data: Base64, tag: Base64 }).strict();

/** The vault document; `keyId` is the fingerprint of the master key its entries were sealed with. */
const VaultDoc = z
  .object({
    format: z.literal('chartdesk-vault'),
    version: z.literal(1),
    cipher: z.literal('aes-256-gcm'),
    keyId: z.string().regex(/^[0-9a-f]{16}$/).optional(),
    entries: z.record(z.string().min(1).max(200), SealedEntry),
  })
  .strict();

/** The parsed vault. */
export type VaultDoc = z.output<typeof VaultDoc>;

/** The file name of the vault inside the data folder. */
export const VAULT_FILE_NAME = 'vault.json';

/** The associated data of an entry: binds its ciphertext to this format, this key and this entry id. */
export function entryAad(keyId: string, entryId: string): Buffer {
  return Buffer.from(`chartdesk-vault/1\u0000${keyId}\u0000${entryId}`, 'utf8');
}

/** The vault's document format. */
export const vaultFormat: DocumentFormat<VaultDoc> = {
  parse(json) {
    const version = json && typeof json === 'object' ? (json as { version?: unknown }).version : undefined;
    if (typeof version === 'number' && version > 1) {
      throw new ChartDeskError('store', 'vault', `The secrets vault was saved by a newer version of ChartDesk (format ${version}); this version will not change it.`, { hint: 'Update ChartDesk.' });
    }
    const result = VaultDoc.safeParse(json);
    if (!result.success) throw new CorruptDocumentError('the vault does not match its format');
    return result.data;
  },
  serialize: (doc) => `${JSON.stringify(doc, null, 1)}\n`,
  empty: () => ({ format: 'chartdesk-vault', version: 1, cipher: 'aes-256-gcm', entries: {} }),
};
