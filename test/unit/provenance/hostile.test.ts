import { describe, expect, it } from 'vitest';
import * as openpgp from 'openpgp';
import { readKeyFile } from '../../../electron/core/provenance/key-data';
import { MAX_KEYS } from '../../../electron/core/provenance/limits';
import { verifyProvenance } from '../../../electron/core/provenance/verify';
import { freshKey, hashtest, helmTestKey, shared } from './support';

const input = async (provenance: Buffer | string) => ({ packageBytes: hashtest().tgz, provenance, chartName: 'hashtest', chartVersion: '1.2.3', keys: [await helmTestKey()] });
const timed = async <T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> => {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
};

describe('hostile provenance and keyrings', () => {
  it('refuses a 50 MB .prov without reading it as OpenPGP', async () => {
    const real = hashtest().prov.toString('utf8');
    const padded = real.replace('...\n', `description: ${'x'.repeat(50 * 1024 * 1024)}\n...\n`);
    const { value } = await timed(async () => verifyProvenance(await input(padded)));
    expect(value.status).toBe('invalid-provenance');
    expect(value.summary).toContain('larger than 1 MB');
  });

  it('refuses a signature packet that claims 4 GB, with the sizes in the sentence', async () => {
    const real = hashtest().prov.toString('utf8');
    const claim = Buffer.concat([Buffer.from([0xc2, 0xff, 0xff, 0xff, 0xff, 0xf0]), Buffer.alloc(300, 7)]);
    const hostile = real.slice(0, real.indexOf('-----BEGIN PGP SIGNATURE-----')) + openpgp.armor(openpgp.enums.armor.signature, claim);
    const outcome = await verifyProvenance(await input(hostile));
    expect(outcome.status).toBe('invalid-provenance');
    expect(outcome.summary).toContain('a packet claims 4,294,967,280 bytes, but only 300 follow');
  });

  it('refuses a clear-signed message that is not a Helm provenance, and text that is not signed', async () => {
    expect((await verifyProvenance(await input(shared('provenance', 'helm-td-msgblock.yaml')))).summary).toContain('not an OpenPGP clear-signed message');
    const noFiles = hashtest().prov.toString('utf8').replace('\n...\n', '\n');
    expect((await verifyProvenance(await input(noFiles))).status).toBe('invalid-provenance');
  });

  it('refuses a keyring of 10,000 keys quickly, before parsing any of them', async () => {
    const one = Buffer.from((await freshKey('One Of Many')).publicKey.write());
    const many = Buffer.concat(Array.from({ length: 10_000 }, () => one));
    expect(many.length).toBeLessThan(8 * 1024 * 1024); // under the file size cap: the key count must catch it
    const { value: error, ms } = await timed(() => readKeyFile(many, 'keys.gpg').then(() => undefined, (e: unknown) => e as { kind: string; message: string }));
    expect(error).toMatchObject({ kind: 'too-large' });
    expect(error?.message).toBe(`keys.gpg holds 10,000 keys; ChartDesk reads at most ${MAX_KEYS.toLocaleString('en-US')} at once.`);
    // Framing only: far less than parsing 10,000 RSA keys would take (that runs for many seconds).
    expect(ms).toBeLessThan(5000);
    // 10,000 of Helm's RSA keys pass the size cap first.
    const big = Buffer.concat(Array.from({ length: 10_000 }, () => shared('provenance', 'helm-td-helm-test-key.pub')));
    await expect(readKeyFile(big, 'big.gpg')).rejects.toMatchObject({ kind: 'too-large', message: 'big.gpg is larger than 8 MB; a key file is far smaller.' });
  });

  it('refuses key data whose packets claim more bytes than there are', async () => {
    const cut = shared('provenance', 'helm-td-helm-test-key.pub').subarray(0, 600);
    await expect(readKeyFile(cut, 'cut.gpg')).rejects.toMatchObject({ kind: 'chart-invalid', message: expect.stringContaining('cut.gpg is not valid OpenPGP data: a packet claims') });
    await expect(readKeyFile(Buffer.from('hello, not a key'), 'note.txt')).rejects.toMatchObject({ message: expect.stringContaining('note.txt is not valid OpenPGP data') });
  });
});
