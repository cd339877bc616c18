/**
 * A framing walk over binary OpenPGP data: packet tags and lengths only, no content. It runs before
 * openpgp.js parses anything, so a packet that claims more bytes than there are, a keyring of
 * thousands of keys or a stream of millions of packets is refused in linear time with a clear error.
 */
import { ChartDeskError } from '../errors';
import { MAX_PACKETS } from './limits';

/** OpenPGP packet tags this walk cares about (RFC 9580 §5). */
export const PACKET_TAG = { signature: 2, secretKey: 5, publicKey: 6, secretSubkey: 7, userId: 13, publicSubkey: 14 } as const;

/** What the walk found. */
export interface PacketCounts {
  /** Packets by tag. */
  byTag: Map<number, number>;
  total: number;
}

/** Reads one packet header at `at`; returns the tag, where the body starts and its length. */
function header(data: Uint8Array, at: number, what: string): { tag: number; bodyStart: number; bodyLength: number } {
  const bad = (why: string) => new ChartDeskError('chart-invalid', 'read-openpgp', `${what} is not valid OpenPGP data: ${why}.`);
  const first = data[at] ?? 0;
  if ((first & 0x80) === 0) throw bad(`byte ${at} does not start a packet`);
  if ((first & 0x40) === 0) {
    // Legacy format: tag in bits 5-2, length type in bits 1-0.
    const tag = (first >> 2) & 0x0f;
    const type = first & 0x03;
    if (type === 3) throw bad('a packet of indeterminate length');
    const size = [1, 2, 4][type] ?? 1;
    if (at + 1 + size > data.length) throw bad('a packet header is cut short');
    let length = 0;
    for (let i = 0; i < size; i++) length = length * 256 + (data[at + 1 + i] ?? 0);
    return { tag, bodyStart: at + 1 + size, bodyLength: length };
  }
  const tag = first & 0x3f;
  const o1 = data[at + 1];
  if (o1 === undefined) throw bad('a packet header is cut short');
  if (o1 < 192) return { tag, bodyStart: at + 2, bodyLength: o1 };
  if (o1 < 224) {
    const o2 = data[at + 2];
    if (o2 === undefined) throw bad('a packet header is cut short');
    return { tag, bodyStart: at + 3, bodyLength: ((o1 - 192) << 8) + o2 + 192 };
  }
  if (o1 === 255) {
    if (at + 6 > data.length) throw bad('a packet header is cut short');
    const length = (((data[at + 2] ?? 0) * 256 + (data[at + 3] ?? 0)) * 256 + (data[at + 4] ?? 0)) * 256 + (data[at + 5] ?? 0);
    return { tag, bodyStart: at + 6, bodyLength: length };
  }
  // Partial body lengths are for streamed data packets, never for keys or signatures.
  throw bad(`packet ${tag} uses a partial body length, which keys and signatures never do`);
}

/**
 * Walks every packet of `data` (binary, not armored); throws 'chart-invalid' when a packet claims
 * more bytes than remain or the data is not OpenPGP framing at all. `what` names the data in messages.
 */
export function scanPackets(data: Uint8Array, what: string): PacketCounts {
  const byTag = new Map<number, number>();
  let at = 0;
  let total = 0;
  while (at < data.length) {
    const { tag, bodyStart, bodyLength } = header(data, at, what);
    const remaining = data.length - bodyStart;
    if (bodyLength > remaining) {
      throw new ChartDeskError('chart-invalid', 'read-openpgp', `${what} is not valid OpenPGP data: a packet claims ${bodyLength.toLocaleString('en-US')} bytes, but only ${Math.max(0, remaining).toLocaleString('en-US')} follow.`);
    }
    total += 1;
    if (total > MAX_PACKETS) throw new ChartDeskError('too-large', 'read-openpgp', `${what} holds more than ${MAX_PACKETS.toLocaleString('en-US')} OpenPGP packets.`);
    byTag.set(tag, (byTag.get(tag) ?? 0) + 1);
    at = bodyStart + bodyLength;
  }
  return { byTag, total };
}

/** How many packets of `tag` the walk found. */
export function countOf(counts: PacketCounts, tag: number): number {
  return counts.byTag.get(tag) ?? 0;
}
