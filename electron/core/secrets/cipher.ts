/** AES-256-GCM sealing of vault entries, with associated data that binds each entry to its id. */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { ChartDeskError } from '../errors';

/** Length of the master key, bytes (AES-256). */
export const MASTER_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** One encrypted value, base64 fields. */
export interface SealedBox {
  iv: string;
  data: string;
  tag: string;
}

/** A fresh random master key. */
export function newMasterKey(): Buffer {
  return randomBytes(MASTER_KEY_BYTES);
}

/** A short, non-secret fingerprint of a key, stored in the vault to detect a key that changed. */
export function keyFingerprint(key: Buffer): string {
  return createHash('sha256').update('chartdesk-vault-key-id').update(key).digest('hex').slice(0, 16);
}

/** Encrypts `plaintext` under `key` with a fresh random IV; `aad` is authenticated, not stored. */
export function seal(key: Buffer, plaintext: Buffer, aad: Buffer): SealedBox {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv: iv.toString('base64'), data: data.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** Decrypts a box; throws a 'keychain' error when the key, the associated data or the bytes do not match. */
export function open(key: Buffer, box: SealedBox, aad: Buffer): Buffer {
  const iv = Buffer.from(box.iv, 'base64');
  const tag = Buffer.from(box.tag, 'base64');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw unreadable();
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(box.data, 'base64')), decipher.final()]);
  } catch (error) {
    throw unreadable(error);
  }
}

function unreadable(cause?: unknown): ChartDeskError {
  return new ChartDeskError('keychain', 'vault', 'A stored secret could not be decrypted: the vault file was changed outside ChartDesk or belongs to another key.', {
    hint: 'Set the credential again.',
    cause,
  });
}
