/**
 * The export file: without secrets it holds none; with secrets it is unreadable without the
 * passphrase, a wrong passphrase is a clear error, and a truncated or altered file is refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChartDeskError } from '../../../electron/core/errors';
import { silentLogger } from '../../../electron/core/log';
import { createSettingsStore } from '../../../electron/core/settings/settings-store';
import { createRepoServices } from '../../../electron/core/store/repo-services';
import type { RepoService } from '../../../electron/core/store/repo-service';
import { readExportFile } from '../../../electron/core/transfer/export-file';
import { createTransferService, type TransferService } from '../../../electron/core/transfer/transfer-service';

const SECRET = 'sk-export-test-7d1f0a9be2c34f58';
const PASSPHRASE = 'purple elephant marmalade';
const dirs: string[] = [];

/** A data folder with a session-only vault (the keychain is tested in test/integration/keychain). */
async function machine(): Promise<{ repos: RepoService; transfer: TransferService }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-export-'));
  dirs.push(dir);
  const repos = createRepoServices({ dataDir: dir, env: { CHARTDESK_KEYCHAIN: 'off' }, log: silentLogger, allowSessionOnly: true });
  const settings = createSettingsStore({ dataDir: dir, notify: () => undefined });
  await settings.load();
  await settings.update({ theme: 'dark', maxIndexMb: 99, sessionOnly: true });
  return { repos, transfer: createTransferService({ repos, settings, exportedBy: 'ChartDesk test', allowSessionOnly: true }) };
}

let source: Awaited<ReturnType<typeof machine>>;
let plain: string;
let sealed: string;

beforeAll(async () => {
  source = await machine();
  await source.repos.add({ name: 'cm', url: 'https://charts.example.com/org1/repo1', auth: { mode: 'token-server', dialect: 'A', approvedRealmOrigin: 'https://auth.example.com' }, tls: { caFile: '/etc/ssl/ca.pem', insecureSkipVerify: false }, passCredentialsAll: true }, SECRET);
  await source.repos.add({ name: 'basic', url: 'https://basic.example.com/charts', auth: { mode: 'basic', username: 'alice', dialect: 'auto', headerName: 'X-Auth' }, tls: { insecureSkipVerify: true }, passCredentialsAll: false }, `${SECRET}-b`);
  await source.repos.add({ name: 'public', url: 'https://public.example.com', auth: { mode: 'none', dialect: 'auto' }, tls: { insecureSkipVerify: false }, passCredentialsAll: false });
  plain = (await source.transfer.exportAll({ withSecrets: false })).content;
  sealed = (await source.transfer.exportAll({ withSecrets: true, passphrase: PASSPHRASE })).content;
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<ChartDeskError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ChartDeskError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

/** The secret in every encoding a careless writer might have used. */
const encodings = (secret: string) => [secret, Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('hex'), encodeURIComponent(secret)];

describe('an export without secrets', () => {
  it('holds every repo with its settings and no secret in any encoding', async () => {
    for (const form of encodings(SECRET)) expect(plain).not.toContain(form);
    const { payload } = await readExportFile(plain);
    expect(payload.repos.map((r) => r.record.name)).toEqual(['cm', 'basic', 'public']);
    expect(payload.repos.every((r) => r.secret === undefined)).toBe(true);
    expect(payload.settings).toMatchObject({ theme: 'dark', maxIndexMb: 99 });
    // Session-only mode belongs to the machine, not to the move.
    expect(payload.settings).not.toHaveProperty('sessionOnly');
  });
});

describe('an export with secrets', () => {
  it('cannot be read without the passphrase: no secret, repo name or URL in the file', async () => {
    for (const form of [...encodings(SECRET), 'charts.example.com', 'alice', '"basic"']) expect(sealed).not.toContain(form);
    const header = JSON.parse(sealed);
    expect(header).toMatchObject({ format: 'chartdesk-export', version: 1, encrypted: true, kdf: { name: 'scrypt', N: 131072, r: 8, p: 1 }, cipher: { name: 'aes-256-gcm' } });
    await expect(failure(readExportFile(sealed))).resolves.toMatchObject({ kind: 'bad-request', step: 'passphrase', message: expect.stringMatching(/encrypted: it needs the passphrase/) });
  });

  it('gives back the repos, secrets and settings with the right passphrase', async () => {
    const { payload, info } = await readExportFile(sealed, PASSPHRASE);
    expect(info).toEqual({ encrypted: true, exportedAt: expect.any(String), exportedBy: 'ChartDesk test' });
    expect(payload.repos.map((r) => [r.record.name, r.secret])).toEqual([
      ['cm', SECRET],
      ['basic', `${SECRET}-b`],
      ['public', undefined],
    ]);
  });

  it('says a wrong passphrase is wrong, without importing anything', async () => {
    const error = await failure(readExportFile(sealed, 'purple elephant marmalada'));
    expect(error).toMatchObject({ step: 'passphrase', message: 'That passphrase does not unlock this file.' });
  });

  it('refuses a file cut short anywhere', async () => {
    for (const keep of [0.2, 0.5, 0.9, 0.99]) {
      const error = await failure(readExportFile(sealed.slice(0, Math.floor(sealed.length * keep)), PASSPHRASE));
      expect(error).toMatchObject({ kind: 'bad-request', step: 'read-export', message: expect.stringMatching(/not a complete ChartDesk export/) });
    }
  });

  it('refuses an altered ciphertext, tag or header: the authentication tag does not match', async () => {
    const file = JSON.parse(sealed);
    const flip = (b64: string, at: number) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[at] = (bytes[at] ?? 0) ^ 0x01;
      return bytes.toString('base64');
    };
    const ciphertext = Buffer.from(file.ciphertext, 'base64');
    const truncatedCiphertext = ciphertext.subarray(0, ciphertext.length - 5).toString('base64');
    const altered = [
      { ...file, ciphertext: flip(file.ciphertext, 10) },
      { ...file, ciphertext: truncatedCiphertext },
      { ...file, cipher: { ...file.cipher, tag: flip(file.cipher.tag, 0) } },
      { ...file, cipher: { ...file.cipher, iv: flip(file.cipher.iv, 3) } },
      { ...file, exportedAt: '2020-01-01T00:00:00.000Z' },
      { ...file, exportedBy: 'ChartDesk 9.9.9' },
    ];
    for (const doc of altered) {
      const error = await failure(readExportFile(JSON.stringify(doc), PASSPHRASE));
      expect(error).toMatchObject({ kind: 'bad-request', step: 'decrypt-export', message: expect.stringMatching(/authentication tag does not match/) });
    }
  });

  it('refuses key-derivation parameters that would exhaust memory, before deriving anything', async () => {
    const file = JSON.parse(sealed);
    const error = await failure(readExportFile(JSON.stringify({ ...file, kdf: { ...file.kdf, N: 2 ** 24, r: 64 } }), PASSPHRASE));
    expect(error).toMatchObject({ step: 'read-export', message: expect.stringMatching(/key-derivation parameters/) });
  });

  it('needs a passphrase of at least 8 characters', async () => {
    await expect(failure(source.transfer.exportAll({ withSecrets: true, passphrase: 'short' }))).resolves.toMatchObject({ step: 'passphrase', message: expect.stringMatching(/at least 8 characters/) });
  });
});

describe('import on another machine', () => {
  it('round-trips every field of every repo record and puts the secrets into that machine’s vault', async () => {
    const target = await machine();
    const result = await target.transfer.importAll(sealed, { passphrase: PASSPHRASE, replace: [], applySettings: false });
    expect(result).toMatchObject({ added: [{ name: 'cm' }, { name: 'basic' }, { name: 'public' }], replaced: [], skipped: [], secretsStored: 2, settingsApplied: false });
    const strip = (list: Awaited<ReturnType<RepoService['list']>>) => list.map(({ id: _id, ...rest }) => rest);
    expect(strip(await target.repos.list())).toEqual(strip(await source.repos.list()));
    const cm = (await target.repos.list())[0];
    expect((await target.repos.credentials(cm?.id ?? '')).secret).toBe(SECRET);
  });

  it('previews add and skip (same name or URL), and replaces only what was chosen', async () => {
    const target = await machine();
    await target.repos.add({ name: 'cm', url: 'https://other.example.com/x', auth: { mode: 'none', dialect: 'auto' }, tls: { insecureSkipVerify: false }, passCredentialsAll: false });
    await target.repos.add({ name: 'my-public', url: 'https://public.example.com/', auth: { mode: 'none', dialect: 'auto' }, tls: { insecureSkipVerify: false }, passCredentialsAll: false });
    const plan = await target.transfer.preview(sealed, PASSPHRASE);
    expect(plan.items.map((i) => [i.name, i.action, i.replaces?.name])).toEqual([
      ['cm', 'skip', 'cm'],
      ['basic', 'add', undefined],
      ['public', 'skip', 'my-public'],
    ]);
    expect(plan.items[2]?.reason).toBe('The repo “my-public” here has the same URL.');
    const result = await target.transfer.importAll(sealed, { passphrase: PASSPHRASE, replace: [0], applySettings: true });
    expect(result.replaced.map((r) => r.name)).toEqual(['cm']);
    expect(result.added.map((r) => r.name)).toEqual(['basic']);
    expect(result.skipped.map((r) => r.name)).toEqual(['public']);
    expect(result.settingsApplied).toBe(true);
    const list = await target.repos.list();
    expect(list.map((r) => [r.name, r.url])).toEqual([
      ['cm', 'https://charts.example.com/org1/repo1'],
      ['my-public', 'https://public.example.com'],
      ['basic', 'https://basic.example.com/charts'],
    ]);
    expect(list[0]?.auth).toMatchObject({ mode: 'token-server', dialect: 'A', approvedRealmOrigin: 'https://auth.example.com' });
  });

  it('imports nothing from a file it cannot read', async () => {
    const target = await machine();
    await failure(target.transfer.importAll(sealed, { passphrase: 'not the passphrase', replace: [], applySettings: true }));
    expect(await target.repos.list()).toEqual([]);
  });
});
