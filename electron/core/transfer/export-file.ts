/**
 * The export file ("move to a new machine"): one JSON document with a clear header and either the
 * payload in clear (no secrets) or the payload sealed with a passphrase (with secrets).
 * Repo records travel as stored, whatever fields the stored schema has; the reader checks them against it.
 */
import { z } from 'zod';
import { SettingsChanges } from '../../contract/settings';
import { ChartDeskError } from '../errors';
import { openExport, sealExport, type KdfParams } from './export-crypto';

/** The format name in every export file. */
export const EXPORT_FORMAT = 'chartdesk-export';
/** The format version this build writes and reads. */
export const EXPORT_VERSION = 1;

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** One repo in the payload: its stored record, and its secret in encrypted files only. */
const PayloadRepo = z.object({ record: z.record(z.string(), z.unknown()), secret: z.string().min(1).max(65_536).optional() }).strict();

/** What the file carries: the repos and the app settings (unknown settings of newer versions are dropped). */
const Payload = z.object({ repos: z.array(PayloadRepo).max(10_000), settings: z.object(SettingsChanges.shape).optional() }).strict();
/** The payload, parsed. */
export type ExportPayload = z.output<typeof Payload>;

const Header = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.number().int(),
  exportedAt: z.string().max(64),
  exportedBy: z.string().max(200),
});

const PlainFile = Header.extend({ encrypted: z.literal(false), payload: Payload }).strict();
const EncryptedFile = Header.extend({
  encrypted: z.literal(true),
  kdf: z.object({ name: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: Base64.max(64) }).strict(),
  cipher: z.object({ name: z.literal('aes-256-gcm'), iv: Base64.max(64), tag: Base64.max(64) }).strict(),
  check: Base64.max(128),
  ciphertext: Base64,
}).strict();

/** The header facts of a file that was read. */
export interface ExportFileInfo {
  encrypted: boolean;
  exportedAt: string;
  exportedBy: string;
}

/** The associated data of an encrypted file: every header field but the tag, in a fixed order. */
function associatedData(head: z.output<typeof Header>, kdf: KdfParams, iv: string, check: string): Buffer {
  return Buffer.from(JSON.stringify([head.format, head.version, head.exportedAt, head.exportedBy, kdf.name, kdf.N, kdf.r, kdf.p, kdf.salt, 'aes-256-gcm', iv, check]), 'utf8');
}

/** Writes the export file; with a passphrase the payload (secrets included) is encrypted, without one it must hold no secret. */
export async function writeExportFile(payload: ExportPayload, meta: { exportedAt: string; exportedBy: string }, passphrase?: string): Promise<string> {
  const head = { format: EXPORT_FORMAT, version: EXPORT_VERSION, ...meta } as const;
  if (passphrase === undefined) {
    if (payload.repos.some((r) => r.secret !== undefined)) throw new ChartDeskError('internal', 'export', 'An export without a passphrase must not carry secrets.');
    return `${JSON.stringify({ ...head, encrypted: false, payload }, null, 2)}\n`;
  }
  const sealed = await sealExport(Buffer.from(JSON.stringify(payload), 'utf8'), passphrase, (kdf, cipher, check) => associatedData(head, kdf, cipher.iv, check));
  return `${JSON.stringify({ ...head, encrypted: true, ...sealed }, null, 2)}\n`;
}

function notAnExport(detail: string): ChartDeskError {
  return new ChartDeskError('bad-request', 'read-export', `This is not a complete ChartDesk export file (${detail}).`, { hint: 'Choose the file written by Export (chartdesk-repos-….json); a file cut short or edited is refused.' });
}

/** Reads the header only: whether the file is encrypted, when and by what it was written. */
export function readExportInfo(content: string): ExportFileInfo & { json: unknown } {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw notAnExport('it is not valid JSON, perhaps cut short');
  }
  const head = Header.safeParse(json);
  if (!head.success) throw notAnExport('it has no ChartDesk export header');
  if (head.data.version > EXPORT_VERSION) {
    throw new ChartDeskError('bad-request', 'read-export', `The file was written by a newer ChartDesk (export format ${head.data.version}); this version reads format ${EXPORT_VERSION}.`, { hint: 'Update ChartDesk.' });
  }
  return { encrypted: (json as { encrypted?: unknown }).encrypted === true, exportedAt: head.data.exportedAt, exportedBy: head.data.exportedBy, json };
}

/** Reads an export file (decrypting it with `passphrase` when it is encrypted) into its payload. */
export async function readExportFile(content: string, passphrase?: string): Promise<{ info: ExportFileInfo; payload: ExportPayload }> {
  const { json, ...info } = readExportInfo(content);
  if (!info.encrypted) {
    const plain = PlainFile.safeParse(json);
    if (!plain.success) throw notAnExport(`its content does not match the format at ${plain.error.issues[0]?.path.join('.') || 'the top'}`);
    return { info, payload: plain.data.payload };
  }
  const file = EncryptedFile.safeParse(json);
  if (!file.success) throw notAnExport(`its encryption header does not match the format at ${file.error.issues[0]?.path.join('.') || 'the top'}`);
  if (passphrase === undefined) {
    throw new ChartDeskError('bad-request', 'passphrase', 'This file is encrypted: it needs the passphrase chosen when it was exported.');
  }
  const { kdf, cipher, check, ciphertext } = file.data;
  const bytes = await openExport({ kdf, cipher, check, ciphertext }, passphrase, associatedData(file.data, kdf, cipher.iv, check));
  let inner: unknown;
  try {
    inner = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw notAnExport('its decrypted content is not JSON');
  }
  const payload = Payload.safeParse(inner);
  if (!payload.success) throw notAnExport(`its decrypted content does not match the format at ${payload.error.issues[0]?.path.join('.') || 'the top'}`);
  return { info, payload: payload.data };
}
