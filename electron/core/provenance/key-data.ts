/** Reads key files as `gpg --export` (binary) or `gpg --export --armor` writes them, several keys per file, within caps. */
import * as openpgp from 'openpgp';
import { ChartDeskError } from '../errors';
import { MAX_KEY_FILE_BYTES, MAX_KEYS, sizeWords } from './limits';
import { countOf, PACKET_TAG, scanPackets } from './packet-scan';

const ARMOR_BLOCK = /-----BEGIN PGP (PUBLIC|PRIVATE) KEY BLOCK-----[\s\S]*?-----END PGP \1 KEY BLOCK-----/g;

/** Keys as read from a file: public keys, and secret keys when the file has them. */
export interface ReadKeys {
  publicKeys: openpgp.PublicKey[];
  privateKeys: openpgp.PrivateKey[];
}

/** True when the bytes look like ASCII armor rather than binary packets. */
function looksArmored(bytes: Uint8Array): boolean {
  // Binary OpenPGP always starts with a packet tag byte, whose top bit is set; text never does.
  return ((bytes[0] ?? 0) & 0x80) === 0 && Buffer.from(bytes.subarray(0, 64 * 1024)).toString('latin1').includes('-----BEGIN PGP ');
}

/** The binary packets of a key file: armor blocks unwrapped and joined, binary data as it is. */
export async function keyFileBinary(bytes: Uint8Array, what: string): Promise<Uint8Array> {
  if (bytes.length === 0) throw new ChartDeskError('bad-request', 'read-key', `${what} is empty.`);
  if (bytes.length > MAX_KEY_FILE_BYTES) throw new ChartDeskError('too-large', 'read-key', `${what} is larger than ${sizeWords(MAX_KEY_FILE_BYTES)}; a key file is far smaller.`);
  if (!looksArmored(bytes)) return bytes;
  const text = Buffer.from(bytes).toString('utf8');
  const blocks = text.match(ARMOR_BLOCK) ?? [];
  if (blocks.length === 0) throw new ChartDeskError('bad-request', 'read-key', `${what} has no PGP PUBLIC KEY BLOCK or PRIVATE KEY BLOCK.`);
  const parts: Uint8Array[] = [];
  for (const block of blocks) {
    try {
      const { data } = await openpgp.unarmor(block);
      parts.push(data as Uint8Array);
    } catch {
      throw new ChartDeskError('bad-request', 'read-key', `${what} has a damaged key block (its armor or checksum is wrong).`);
    }
  }
  return Buffer.concat(parts);
}

/**
 * Parses every key in a key file: the framing walk first (packet lengths, at most MAX_KEYS keys),
 * then openpgp.js. Throws 'bad-request', 'too-large' or 'chart-invalid' with the reason.
 */
export async function readKeyFile(bytes: Uint8Array, what: string): Promise<ReadKeys> {
  const binary = await keyFileBinary(bytes, what);
  const counts = scanPackets(binary, what);
  const secret = countOf(counts, PACKET_TAG.secretKey);
  const primaries = countOf(counts, PACKET_TAG.publicKey) + secret;
  if (primaries === 0) throw new ChartDeskError('bad-request', 'read-key', `${what} holds no OpenPGP key.`);
  if (primaries > MAX_KEYS) {
    throw new ChartDeskError('too-large', 'read-key', `${what} holds ${primaries.toLocaleString('en-US')} keys; ChartDesk reads at most ${MAX_KEYS.toLocaleString('en-US')} at once.`, {
      hint: 'Export only the keys you trust for charts, e.g. gpg --export KEYID > keys.gpg.',
    });
  }
  try {
    if (secret > 0) {
      const privateKeys = await openpgp.readPrivateKeys({ binaryKeys: binary });
      return { privateKeys, publicKeys: privateKeys.map((k) => k.toPublic()) };
    }
    return { privateKeys: [], publicKeys: await openpgp.readKeys({ binaryKeys: binary }) };
  } catch (error) {
    const why = error instanceof Error ? error.message.replace(/\s+/g, ' ').slice(0, 160) : 'unreadable';
    throw new ChartDeskError('bad-request', 'read-key', `${what} could not be read as OpenPGP keys (${why}).`);
  }
}
