/** Plain sentences for a failed signature check, so the verdict never ends in a bare code word. */
import type { JwtVerification } from './types';

/** Why a signature check failed, as the core names it ('bad-key', 'expired', …). */
export type VerifyFailureCode = NonNullable<JwtVerification['code']>;

const SENTENCES: Record<VerifyFailureCode, string> = {
  expired: 'The signature is valid, but the token has expired.',
  'not-yet-valid': 'The signature is valid, but the token is not valid yet.',
  'bad-signature': 'The signature does not match this key: the token was signed with another key or altered.',
  'wrong-alg': 'The token’s signing algorithm does not fit this key.',
  'no-matching-key': 'No key in the key set matches this token.',
  'bad-key': 'The key could not be read: it is not a PEM public key, a certificate or a valid JWKS.',
};

/** The sentence to show for a failed check: the core's own reason, else one made from its code. */
export function failureSentence(result: Pick<JwtVerification, 'code' | 'reason'>): string {
  const reason = result.reason?.trim();
  if (reason) return reason;
  return result.code ? SENTENCES[result.code] : 'The signature does not match this key.';
}

/** A tooltip that explains the failure code shown beside the sentence. */
export function failureCodeTitle(code: VerifyFailureCode): string {
  return `Failure code “${code}”: ${SENTENCES[code]}`;
}
