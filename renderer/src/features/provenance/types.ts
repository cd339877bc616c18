/** The contract shapes the provenance UI works with. */
import type { MethodOutput } from '../../../../electron/contract';

/** verifyChartVersion's result. */
export type ProvenanceResult = MethodOutput<'verifyChartVersion'>;
/** A public key of the keyring. */
export type KeyInfo = MethodOutput<'listKeys'>[number];
/** A signing key (public side only). */
export type SigningKeyInfo = MethodOutput<'listSigningKeys'>[number];
