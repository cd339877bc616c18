/** Names a provenance file from its content, as ChartMuseum's ProvenanceFilenameFromContent does. */

const NAME = /\nname:[ *](.+)/;
const VERSION = /\nversion:[ *](.+)/;

/** `<name>-<version>.tgz.prov`, or undefined when the file is not a signed chart provenance. */
export function provenanceFilename(content: Buffer): string | undefined {
  const text = content.toString('utf8');
  const name = NAME.exec(text)?.[1];
  const version = VERSION.exec(text)?.[1];
  if (!text.startsWith('-----BEGIN PGP SIGNED MESSAGE-----') || name === undefined || version === undefined) return undefined;
  return `${name}-${version}.tgz.prov`;
}

/** ChartMuseum's error message for a provenance file it cannot name. */
export const PROVENANCE_ERROR = 'could not extract name and version from provenance file';
