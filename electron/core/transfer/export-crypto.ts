/**
 * Passphrase encryption of an export file: scrypt (memory-hard, RFC 7914) derives the key, AES-256-GCM
 * seals the payload, and every header field is bound in as associated data. Only node:crypto is used.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { ChartDeskError } from '../errors';

/** scrypt's parameters, stored in the file header. */
export interface KdfParams {
  name: 'scrypt';
  /** CPU/memory cost (a power of two). */
  N: number;
  r: number;
  p: number;
  /** base64, 16 random bytes. */
  salt: string;
}

/** What the header holds about the cipher. */
export interface CipherParams {
  name: 'aes-256-gcm';
  /** base64, 12 random bytes. */
  iv: string;
  /** base64, the 16-byte authentication tag. */
  tag: string;
}

/** The encrypted part of the file. */
export interface SealedExport {
  kdf: KdfParams;
  cipher: CipherParams;
  /** base64: proof that a passphrase is the right one (an HMAC under a second derived key), so a typo is told apart from a damaged file. */
  check: string;
  ciphertext: string;
}

/** The parameters new files are written with: 128 MiB of memory per derivation. */
export const DEFAULT_KDF = { N: 2 ** 17, r: 8, p: 1 } as const;
/** The most memory a file's parameters may ask for; a file asking more is refused, not obeyed. */
const MAX_KDF_MEMORY = 1024 * 1024 * 1024;
const CHECK_LABEL = 'chartdesk-export/1 passphrase check';

/** Refuses parameters outside what ChartDesk writes and reads (a hostile file must not exhaust memory). */
export function checkKdfParams(kdf: Pick<KdfParams, 'N' | 'r' | 'p'>): void {
  const powerOfTwo = Number.isInteger(kdf.N) && kdf.N >= 2 ** 14 && kdf.N <= 2 ** 22 && (kdf.N & (kdf.N - 1)) === 0;
  const sane = powerOfTwo && Number.isInteger(kdf.r) && kdf.r >= 1 && kdf.r <= 32 && Number.isInteger(kdf.p) && kdf.p >= 1 && kdf.p <= 16;
  if (!sane || 128 * kdf.N * kdf.r * kdf.p > MAX_KDF_MEMORY) {
    throw new ChartDeskError('bad-request', 'read-export', 'The file asks for key-derivation parameters ChartDesk does not use (scrypt N, r, p out of range); it was not written by ChartDesk or was changed.');
  }
}

function derive(passphrase: string, kdf: KdfParams): Promise<{ key: Buffer; checkKey: Buffer }> {
  checkKdfParams(kdf);
  const salt = Buffer.from(kdf.salt, 'base64');
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 64, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 128 * kdf.N * kdf.r * kdf.p + 16 * 1024 * 1024 }, (error, out) => {
      if (error) reject(new ChartDeskError('internal', 'derive-key', 'The key could not be derived from the passphrase.', { cause: error }));
      else resolve({ key: out.subarray(0, 32), checkKey: out.subarray(32) });
    });
  });
}

const checkOf = (checkKey: Buffer) => createHmac('sha256', checkKey).update(CHECK_LABEL).digest();

/** Encrypts `payload` with a key derived from `passphrase`; `aad(kdf, iv, check)` builds the associated data from the header. */
export async function sealExport(payload: Buffer, passphrase: string, aad: (kdf: KdfParams, cipher: Omit<CipherParams, 'tag'>, check: string) => Buffer): Promise<SealedExport> {
  const kdf: KdfParams = { name: 'scrypt', ...DEFAULT_KDF, salt: randomBytes(16).toString('base64') };
  const { key, checkKey } = await derive(passphrase, kdf);
  const iv = randomBytes(12);
  const check = checkOf(checkKey).toString('base64');
  const cipherHead = { name: 'aes-256-gcm' as const, iv: iv.toString('base64') };
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
  cipher.setAAD(aad(kdf, cipherHead, check));
  const ciphertext = Buffer.concat([cipher.update(payload), cipher.final()]);
  return { kdf, cipher: { ...cipherHead, tag: cipher.getAuthTag().toString('base64') }, check, ciphertext: ciphertext.toString('base64') };
}

/**
 * Decrypts a sealed export. A passphrase that does not unlock it and a file changed after it was
 * written (its tag does not match the header and content) fail with different, clear errors.
 */
export async function openExport(sealed: SealedExport, passphrase: string, aad: Buffer): Promise<Buffer> {
  const { key, checkKey } = await derive(passphrase, sealed.kdf);
  const stored = Buffer.from(sealed.check, 'base64');
  const expected = checkOf(checkKey);
  if (stored.length !== expected.length || !timingSafeEqual(stored, expected)) {
    throw new ChartDeskError('bad-request', 'passphrase', 'That passphrase does not unlock this file.', { hint: 'Type the passphrase chosen when the file was exported; nothing was imported.' });
  }
  const iv = Buffer.from(sealed.cipher.iv, 'base64');
  const tag = Buffer.from(sealed.cipher.tag, 'base64');
  if (iv.length !== 12 || tag.length !== 16) throw damaged();
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
  } catch (error) {
    throw damaged(error);
  }
}

function damaged(cause?: unknown): ChartDeskError {
  return new ChartDeskError('bad-request', 'decrypt-export', 'The file was changed or damaged after it was exported (its authentication tag does not match), so it was refused.', {
    hint: 'Export it again from the other machine; nothing was imported.',
    cause,
  });
}
