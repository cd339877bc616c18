/** Helpers for the Charts tab's browser tests: a static chart repo, repos added through the API, screenshots. */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { SHARED_DATA } from '../../support/paths';

/** A tiny loopback HTTP server that serves fixed files (a static chart repo, like GitHub Pages). */
export interface StaticRepo {
  url: string;
  /** Paths requested so far (e.g. '/index.yaml'). */
  requests: string[];
  close(): Promise<void>;
}

/** Serves `files` (URL path -> file path or bytes) on 127.0.0.1 with no auth; 404 for the rest. */
export async function startStaticRepo(files: Record<string, string | Buffer>): Promise<StaticRepo> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push(pathname);
    const entry = files[pathname];
    if (entry === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const body = typeof entry === 'string' ? readFileSync(entry) : entry;
    const type = pathname.endsWith('.tgz') ? 'application/gzip' : 'application/x-yaml';
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A file of ../shared/data. */
export function shared(...parts: string[]): string {
  return path.join(SHARED_DATA, ...parts);
}

/**
 * Adds a repo through the browser mode's contract endpoint (the page must be loaded), then reloads so
 * the sidebar lists it even if the page had not subscribed to reposChanged yet; returns its id.
 */
export async function addRepoViaApi(page: Page, input: Record<string, unknown>): Promise<string> {
  const answer = await page.evaluate(async (body) => {
    const response = await fetch('./api/addRepo', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return (await response.json()) as { ok: boolean; value?: { id: string }; error?: { message: string } };
  }, input);
  if (!answer.ok || !answer.value) throw new Error(`addRepo failed: ${answer.error?.message ?? 'no value'}`);
  await page.reload();
  return answer.value.id;
}

/** Selects a repo in the sidebar and shows its Charts tab. */
export async function openChartsTab(page: Page, repoId: string): Promise<void> {
  await page.locator(`[data-testid="repo-item"][data-repo-id="${repoId}"] .repo-item-main`).click();
  const tab = page.getByRole('tab', { name: /^Charts/ });
  if (await tab.count()) await tab.first().click();
  await page.getByTestId('charts-tab').waitFor();
}

/**
 * Saves a light and a dark screenshot as <CHARTDESK_UI_SHOTS>/charts-<name>-{light,dark}.png when that
 * variable names a folder (e.g. /tmp/ui-shots); does nothing otherwise.
 */
export async function screenshots(page: Page, name: string): Promise<void> {
  const folder = process.env.CHARTDESK_UI_SHOTS;
  if (!folder) return;
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: path.join(folder, `charts-${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
