/** Shared fixtures for the provenance tests: Helm's test keys and signed charts from ../shared/data, and keys made on the spot. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as openpgp from 'openpgp';
import { SHARED_DATA } from '../../support/paths';

/** A file of ../shared/data. */
export const shared = (...parts: string[]): Buffer => readFileSync(path.join(SHARED_DATA, ...parts));

/** Helm's test key (pkg/provenance/testdata), as Helm's docs and `helm verify` print it. */
export const HELM_TEST_FINGERPRINT = '5E615389B53CA37F0EE60BD3843BBF981FC18762';
/** Grafana's Loki signing key id, whose public key is not in the shared data. */
export const GRAFANA_KEY_ID = '7054A9559D3CFB0B';
/** The passphrase of helm-td-helm-password-key.secret (Helm's sign_test.go TestDecryptKey uses "secret"). */
export const PASSWORD_KEY_PASSPHRASE = 'secret';

/** Helm's test public key, parsed. */
export async function helmTestKey(): Promise<openpgp.PublicKey> {
  return openpgp.readKey({ binaryKey: shared('provenance', 'helm-td-helm-test-key.pub') });
}

/** Helm's unprotected test secret key, parsed. */
export async function helmTestSecretKey(): Promise<openpgp.PrivateKey> {
  return openpgp.readPrivateKey({ binaryKey: shared('provenance', 'helm-td-helm-test-key.secret') });
}

/** A fresh Ed25519 key pair; `date` back-dates its creation, `expiresInSeconds` gives it an expiry. */
export async function freshKey(name: string, options: { date?: Date; expiresInSeconds?: number; passphrase?: string } = {}) {
  return openpgp.generateKey({
    type: 'ecc',
    curve: 'ed25519Legacy',
    userIDs: [{ name, email: `${name.toLowerCase().replace(/\W+/g, '-')}@example.com` }],
    format: 'object',
    ...(options.date ? { date: options.date } : {}),
    ...(options.expiresInSeconds ? { keyExpirationTime: options.expiresInSeconds } : {}),
    ...(options.passphrase ? { passphrase: options.passphrase } : {}),
  });
}

/** The hashtest chart of Helm's tests and its real .prov. */
export const hashtest = () => ({ tgz: shared('provenance', 'helm-td-hashtest-1.2.3.tgz'), prov: shared('provenance', 'helm-td-hashtest-1.2.3.tgz.prov') });
/** The signtest chart of Helm's tests and its real .prov. */
export const signtest = () => ({ tgz: shared('charts', 'helm-td-signtest-0.1.0.tgz'), prov: shared('charts', 'helm-td-signtest-0.1.0.tgz.prov') });
