import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startSandbox, type SandboxOptions } from '../sandbox/index';
import { SHARED_DATA } from '../support/paths';
import { test, expect } from './fixtures';
import { shoot } from './support/repo-ui';

const CERTIFICATE = readFileSync(path.join(SHARED_DATA, 'auth', 'chartmuseum-example-server.pem'), 'utf8');

/** A token straight from a sandbox token server (dialect A), the way the seed's curl gets one. */
async function sandboxToken(options: SandboxOptions = {}): Promise<string> {
  const sandbox = await startSandbox(options);
  try {
    const response = await fetch(`${sandbox.tokenUrl}?grant_type=client_credentials&scope=artifact-repository:org1/repo1:pull,push`, { method: 'POST', headers: { authorization: 'Bearer MASTERKEY' } });
    return ((await response.json()) as { access_token: string }).access_token;
  } finally {
    await sandbox.close();
  }
}

test('a pasted JWT is decoded and its signature verified against the token server certificate', async ({ page, webApp }) => {
  const jwt = await sandboxToken();
  await page.goto(webApp.url);
  await page.getByRole('button', { name: 'Inspect a JWT' }).click();
  const inspector = page.getByTestId('jwt-inspector');
  await inspector.getByLabel('JWT', { exact: true }).fill(`Bearer ${jwt}`);

  const row = inspector.getByTestId('access-table').getByRole('row').nth(1);
  await expect(row.getByRole('cell').nth(0)).toHaveText('artifact-repository');
  await expect(row.getByRole('cell').nth(1)).toHaveText('org1/repo1');
  await expect(row.getByRole('cell').nth(2)).toHaveText('pullpush');
  await expect(inspector.getByTestId('jwt-header')).toContainText('"alg": "RS256"');
  await expect(inspector.getByTestId('countdown')).toHaveAttribute('data-state', 'ok');

  await inspector.getByLabel('Public key or certificate (PEM)').fill(CERTIFICATE);
  await inspector.getByRole('button', { name: 'Verify signature' }).click();
  await expect(inspector.getByTestId('verify-result')).toHaveAttribute('data-verified', 'true');
  await expect(inspector.getByTestId('verify-result')).toContainText('Signature verified');
  await shoot(page, 'jwt-inspector');

  // Another key does not verify it, and the reason is given.
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
  await inspector.getByLabel('Public key or certificate (PEM)').fill(other);
  await inspector.getByRole('button', { name: 'Verify signature' }).click();
  await expect(inspector.getByTestId('verify-result')).toHaveAttribute('data-verified', 'false');
  // The reason is a sentence of its own; the code is a separate tag that explains itself on hover.
  await expect(inspector.getByTestId('verify-reason')).toHaveText(/^The signature does not match this key.*\.$/);
  await expect(inspector.getByTestId('verify-code')).toHaveText('bad-signature');
  await expect(inspector.getByTestId('verify-code')).toHaveAttribute('title', /bad-signature.*: The signature does not match/);
  await inspector.getByTestId('verify-result').scrollIntoViewIfNeeded();
  await shoot(page, 'jwt-inspector-failed');

  // Another key or another key source: the old verdict goes away.
  await inspector.getByLabel('Public key or certificate (PEM)').fill(CERTIFICATE);
  await expect(inspector.getByTestId('verify-result')).toHaveCount(0);
  await inspector.getByRole('button', { name: 'Verify signature' }).click();
  await expect(inspector.getByTestId('verify-result')).toHaveAttribute('data-verified', 'true');
  await inspector.getByRole('radio', { name: 'JWKS URL' }).check();
  await expect(inspector.getByTestId('verify-result')).toHaveCount(0);
  await inspector.getByRole('radio', { name: 'PEM key or certificate' }).check();
  await expect(inspector.getByTestId('verify-result')).toHaveCount(0);
  await inspector.getByRole('button', { name: 'Verify signature' }).click();
  await expect(inspector.getByTestId('verify-result')).toHaveAttribute('data-verified', 'true');
  // A different token in the inspector: the verdict was about the old one.
  await inspector.getByLabel('JWT', { exact: true }).fill(await sandboxToken());
  await expect(inspector.getByTestId('access-table')).toBeVisible();
  await expect(inspector.getByTestId('verify-result')).toHaveCount(0);
});

test('an expired token shows as expired, and text that is not a JWT says why', async ({ page, webApp }) => {
  const jwt = await sandboxToken({ clockSkewSeconds: -3600 });
  await page.goto(webApp.url);
  await page.getByRole('button', { name: 'Inspect a JWT' }).click();
  const inspector = page.getByTestId('jwt-inspector');
  await inspector.getByLabel('JWT', { exact: true }).fill(jwt);
  await expect(inspector.getByTestId('countdown')).toHaveAttribute('data-state', 'expired');
  await expect(inspector.getByTestId('countdown')).toContainText('Expired');

  await inspector.getByLabel('JWT', { exact: true }).fill('not-a-token');
  await expect(inspector.getByTestId('decode-error')).toContainText('not three base64url parts');
  await expect(inspector.getByTestId('access-table')).toHaveCount(0);
});
