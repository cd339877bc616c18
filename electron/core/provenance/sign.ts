/** Makes a .prov as `helm package --sign` does: Chart.yaml metadata, `...`, the files block, clear-signed with SHA-512. */
import * as openpgp from 'openpgp';
import { sha256Hex } from '../charts/digest';
import { ChartDeskError } from '../errors';
import { provenanceMessage } from './helm-metadata';

/** What to sign. */
export interface SignInput {
  /** The .tgz exactly as it will be uploaded. */
  packageBytes: Uint8Array;
  /** Its Chart.yaml text (the metadata part of the message). */
  chartYaml: string;
  /** The name the files block gives the package: `<name>-<version>.tgz`, as Helm writes it. */
  fileName: string;
  /** A decrypted secret key. */
  signingKey: openpgp.PrivateKey;
  /** Signature time (default now). */
  date?: Date;
}

/**
 * The provenance text for a package. Like Go's clearsign (which Helm uses), the message's final line
 * break is the one before the signature block, and the file ends right after `-----END PGP SIGNATURE-----`.
 */
export async function signProvenance(input: SignInput): Promise<string> {
  if (!input.signingKey.isDecrypted()) throw new ChartDeskError('bad-request', 'sign', 'The signing key is still locked by its passphrase.');
  const text = provenanceMessage(input.chartYaml, input.fileName, sha256Hex(input.packageBytes)).replace(/\n$/, '');
  try {
    const signed = await openpgp.sign({
      message: await openpgp.createCleartextMessage({ text }),
      signingKeys: input.signingKey,
      ...(input.date ? { date: input.date } : {}),
      config: { preferredHashAlgorithm: openpgp.enums.hash.sha512 },
    });
    // openpgp.js writes the text with CRLF line ends; Helm's .prov (and gpg's) use LF, which verifies the same.
    return signed.replace(/\r\n/g, '\n').replace(/\n+$/, '');
  } catch (error) {
    const why = error instanceof Error ? error.message : '';
    if (/expired|revoked|valid signing key/i.test(why)) {
      throw new ChartDeskError('bad-request', 'sign', `The signing key cannot sign now: ${why.replace(/^Error signing message: /, '').slice(0, 160)}.`, { hint: 'Use a key that is neither expired nor revoked.' });
    }
    throw new ChartDeskError('internal', 'sign', 'Signing the package failed.', { cause: error });
  }
}
