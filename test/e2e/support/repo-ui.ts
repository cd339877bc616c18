/** Helpers for the repo, connection and token browser tests: adding repos through the dialog, screenshots. */
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

/** What the add-repo dialog is filled with. */
export interface RepoFields {
  name: string;
  url: string;
  mode?: 'none' | 'basic' | 'bearer' | 'token-server';
  username?: string;
  secret?: string;
}

const SECRET_LABEL = { none: '', basic: 'Password', bearer: 'Token', 'token-server': 'API key or password' } as const;

/** Adds a repo the way a user does (the "+ Add" dialog) and waits until it is selected. */
export async function addRepoViaUi(page: Page, fields: RepoFields): Promise<void> {
  await page.getByRole('button', { name: '+ Add' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a repository' });
  await dialog.getByLabel('URL').fill(fields.url);
  await dialog.getByLabel('Name', { exact: true }).fill(fields.name);
  const mode = fields.mode ?? 'none';
  await dialog.getByLabel('Authentication', { exact: true }).selectOption(mode);
  if (fields.username) await dialog.getByLabel('User name').fill(fields.username);
  if (fields.secret && mode !== 'none') await dialog.getByLabel(SECRET_LABEL[mode], { exact: true }).fill(fields.secret);
  await dialog.getByRole('button', { name: 'Add repository' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: fields.name })).toBeVisible();
}

/** Grants clipboard access to the app's origin so copy buttons work and the test can read what they copied. */
export async function allowClipboard(page: Page, origin: string): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
}

/** What the clipboard holds now. */
export function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

/**
 * Saves a light and a dark screenshot as <CHARTDESK_UI_SHOTS>/<name>-{light,dark}.png when that
 * variable names a folder (e.g. /tmp/ui-shots); does nothing otherwise.
 */
export async function shoot(page: Page, name: string): Promise<void> {
  const folder = process.env.CHARTDESK_UI_SHOTS;
  if (!folder) return;
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: path.join(folder, `${name}-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
