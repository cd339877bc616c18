/**
 * Reads a Helm provenance file: an OpenPGP clear-signed message whose text is the chart's Chart.yaml,
 * a `...` line, and a `files:` block naming the package with its sha256 (Helm's pkg/provenance).
 */
import * as openpgp from 'openpgp';
import { parse } from 'yaml';
import { MAX_PROV_BYTES, MAX_PROV_SIGNATURES, sizeWords } from './limits';
import { countOf, PACKET_TAG, scanPackets } from './packet-scan';

/** Why a .prov could not be used at all (an outcome, not a crash). */
export class InvalidProvenanceError extends Error {
  override name = 'InvalidProvenanceError';
}

/** The parts of a provenance file that verification uses. */
export interface ParsedProvenance {
  message: openpgp.CleartextMessage;
  /** The signed text (line endings as signed). */
  text: string;
  /** Key ids (upper-case hex) of the signatures' issuers. */
  signingKeyIds: string[];
  /** name and version from the signed Chart.yaml part, when present. */
  chart: { name?: string; version?: string };
  /** The `files:` block: file name -> "sha256:<hex>". */
  files: Map<string, string>;
}

const BEGIN = '-----BEGIN PGP SIGNED MESSAGE-----';
const SIGNATURE = /-----BEGIN PGP SIGNATURE-----[\s\S]*?-----END PGP SIGNATURE-----/;

function field(doc: unknown, key: string): string | undefined {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  const value = (doc as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

function yamlDoc(text: string, what: string): unknown {
  try {
    // Failsafe: every scalar a string, no tags, no alias expansion beyond a handful.
    return parse(text.replace(/^\uFEFF/, ''), { schema: 'failsafe', maxAliasCount: 10, uniqueKeys: false });
  } catch {
    throw new InvalidProvenanceError(`its ${what} is not valid YAML`);
  }
}

/** Splits the signed text as Helm does: the first part is Chart.yaml, the second the sums. */
export function parseMessageBlock(text: string): { chart: ParsedProvenance['chart']; files: Map<string, string> } {
  const normalized = text.replace(/\r\n/g, '\n');
  const at = normalized.indexOf('\n...\n');
  if (at === -1) throw new InvalidProvenanceError('its signed text has no "..." line between Chart.yaml and the files block');
  const chartDoc = yamlDoc(normalized.slice(0, at), 'Chart.yaml part');
  const sumsText = normalized.slice(at + 5).split('\n...\n')[0] ?? '';
  const sums = yamlDoc(sumsText, 'files block');
  const filesNode = sums && typeof sums === 'object' && !Array.isArray(sums) ? (sums as Record<string, unknown>).files : undefined;
  const files = new Map<string, string>();
  if (filesNode && typeof filesNode === 'object' && !Array.isArray(filesNode)) {
    for (const [name, sum] of Object.entries(filesNode as Record<string, unknown>)) if (typeof sum === 'string') files.set(name, sum.trim());
  }
  if (files.size === 0) throw new InvalidProvenanceError('its signed text has no files block with a sha256 for the package');
  const name = field(chartDoc, 'name');
  const version = field(chartDoc, 'version');
  return { chart: { ...(name !== undefined ? { name } : {}), ...(version !== undefined ? { version } : {}) }, files };
}

/**
 * Parses a .prov (at most MAX_PROV_BYTES): the clear-signed framing, the signature packets (walked
 * for sane lengths before openpgp.js sees them), and the message block. Throws InvalidProvenanceError.
 */
export async function parseProvenance(bytes: Uint8Array): Promise<ParsedProvenance> {
  if (bytes.length > MAX_PROV_BYTES) throw new InvalidProvenanceError(`it is larger than ${sizeWords(MAX_PROV_BYTES)}, far more than a signed Chart.yaml needs`);
  const source = Buffer.from(bytes).toString('utf8');
  const start = source.indexOf(BEGIN);
  if (start === -1 || source.slice(0, start).trim() !== '') throw new InvalidProvenanceError('it is not an OpenPGP clear-signed message');
  const armoredSignature = SIGNATURE.exec(source)?.[0];
  if (!armoredSignature) throw new InvalidProvenanceError('it has no PGP SIGNATURE block');
  let signatureBytes: Uint8Array;
  try {
    signatureBytes = (await openpgp.unarmor(armoredSignature)).data as Uint8Array;
  } catch {
    throw new InvalidProvenanceError('its signature block is damaged (bad armor or checksum)');
  }
  let signatures: number;
  try {
    signatures = countOf(scanPackets(signatureBytes, 'The signature'), PACKET_TAG.signature);
  } catch (error) {
    throw new InvalidProvenanceError(error instanceof Error ? error.message.replace(/^The signature is /, 'its signature is ').replace(/\.$/, '') : 'its signature is unreadable');
  }
  if (signatures === 0) throw new InvalidProvenanceError('its signature block holds no signature');
  if (signatures > MAX_PROV_SIGNATURES) throw new InvalidProvenanceError(`its signature block holds ${signatures} signatures; at most ${MAX_PROV_SIGNATURES} are read`);
  let message: openpgp.CleartextMessage;
  try {
    message = await openpgp.readCleartextMessage({ cleartextMessage: source.slice(start) });
  } catch (error) {
    throw new InvalidProvenanceError(`it could not be read as a clear-signed message (${error instanceof Error ? error.message.slice(0, 120) : 'unreadable'})`);
  }
  const text = message.getText();
  const { chart, files } = parseMessageBlock(text);
  return { message, text, signingKeyIds: message.getSigningKeyIDs().map((id) => id.toHex().toUpperCase()), chart, files };
}
