/** Caps applied before any OpenPGP parsing, so hostile provenance files and keyrings fail fast and small. */

const MIB = 1024 * 1024;

/** Largest .prov accepted (a Chart.yaml plus a signature; real ones are a few KB). */
export const MAX_PROV_BYTES = 1 * MIB;

/** Largest key file accepted for an import or a --keyring file (armored or binary). */
export const MAX_KEY_FILE_BYTES = 8 * MIB;

/** Most primary keys in one key file, and in the keyring as a whole. */
export const MAX_KEYS = 1000;

/** Most signature packets a .prov may carry. */
export const MAX_PROV_SIGNATURES = 16;

/** Most OpenPGP packets walked in one piece of data before it is refused. */
export const MAX_PACKETS = 200_000;

/** "1 MB" for a byte count that is a whole number of MiB. */
export function sizeWords(bytes: number): string {
  return bytes >= MIB ? `${Math.round(bytes / MIB)} MB` : `${Math.round(bytes / 1024)} KB`;
}
