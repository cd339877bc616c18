import type { MethodOutput } from '../../../../electron/contract';

/** A token as the core shows it: masked, decoded, with where it came from. */
export type TokenView = MethodOutput<'getToken'>;
/** A decoded (unverified) JWT. */
export type DecodedJwt = MethodOutput<'decodeJwt'>;
/** One entry of a token's access claim. */
export type AccessEntry = TokenView['access'][number];
/** A signature check's outcome. */
export type JwtVerification = MethodOutput<'verifyJwt'>;
