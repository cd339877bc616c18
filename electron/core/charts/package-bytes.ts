/**
 * Which bytes of a package download are the package. The HTTP client decodes Content-Encoding (never
 * Content-Type: a .tgz is a gzip file and stays one), but some servers label a plain .tgz as
 * gzip-encoded (an S3 object with Content-Encoding metadata, a static server that guesses from the
 * name); then the bytes as sent are the package, and the digest check says so.
 */
import { sha256Hex } from './digest';

/** A package response: the decoded body, and the body as sent when a coding was decoded. */
export interface PackageResponse {
  body: Buffer;
  encodedBody?: Buffer;
}

/** True for bytes that start like a gzip file. */
export function looksGzipped(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * The package bytes: the decoded body, unless only the bytes as sent match the index digest, or
 * (with no digest) only they look like a gzip file.
 */
export function packageBytes(response: PackageResponse, expectedHex: string | undefined): Buffer {
  const sent = response.encodedBody;
  if (!sent) return response.body;
  if (expectedHex !== undefined) return sha256Hex(response.body) !== expectedHex && sha256Hex(sent) === expectedHex ? sent : response.body;
  return !looksGzipped(response.body) && looksGzipped(sent) ? sent : response.body;
}
