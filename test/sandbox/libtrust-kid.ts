/** The libtrust key id Docker distribution uses to name a trusted key (`kid` in a token header). */
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/**
 * libtrust's KeyID: SHA-256 of the DER (SubjectPublicKeyInfo) public key, first 30 bytes (240 bits),
 * base32 without padding (48 characters), in 12 groups of 4 joined by ':'.
 * Accepts a PEM private key, public key or X.509 certificate, or a KeyObject.
 */
export function libtrustKeyId(key: string | KeyObject): string {
  const publicKey = createPublicKey(key);
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const encoded = base32(createHash('sha256').update(der).digest().subarray(0, 30));
  return encoded.match(/.{4}/g)!.join(':');
}
