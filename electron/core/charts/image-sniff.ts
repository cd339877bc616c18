/** Recognizes the image formats a chart icon may have, from the bytes first and the header second. */

const ALLOWED_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml', 'image/x-icon', 'image/vnd.microsoft.icon', 'image/avif', 'image/bmp']);

function startsWith(bytes: Buffer, ...signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

function looksLikeSvg(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 2048).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (!head.startsWith('<')) return false;
  return /<svg[\s>]/i.test(head);
}

/** The image MIME type of `bytes`, or undefined when they are no icon ChartDesk shows. */
export function sniffImageType(bytes: Buffer, declared: string | undefined): string | undefined {
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (bytes.subarray(0, 6).toString('latin1') === 'GIF87a' || bytes.subarray(0, 6).toString('latin1') === 'GIF89a') return 'image/gif';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (startsWith(bytes, 0x00, 0x00, 0x01, 0x00)) return 'image/x-icon';
  if (looksLikeSvg(bytes)) return 'image/svg+xml';
  const type = declared?.split(';')[0]?.trim().toLowerCase();
  // Formats without a cheap signature check (AVIF, BMP) are trusted from the header alone.
  return type === 'image/avif' || type === 'image/bmp' ? type : undefined;
}

/** True when a data: URL is a base64 or text image of an allowed type. */
export function isAllowedImageDataUrl(url: string): boolean {
  const match = /^data:([a-z0-9.+-]+\/[a-z0-9.+-]+)(;[^,]*)?,/i.exec(url);
  return match !== null && ALLOWED_TYPES.has((match[1] ?? '').toLowerCase());
}
