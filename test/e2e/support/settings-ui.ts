/** Helpers for the Settings browser tests: opening a section, calling the contract, reading a screenshot's pixels. */
import { expect, type Page } from '@playwright/test';

/** Opens Settings from the title bar and shows one section by its nav label. */
export async function openSettings(page: Page, section: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByTestId('settings-view')).toBeVisible();
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('button', { name: section, exact: true }).click();
}

/** Calls a contract method through the browser mode's endpoint (the page must be loaded). */
export async function callApi<T>(page: Page, name: string, input: Record<string, unknown> = {}): Promise<T> {
  const answer = await page.evaluate(
    async ([method, body]) => {
      const response = await fetch(`./api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    [name, input] as const,
  );
  if (!answer.ok) throw new Error(`${name} failed: ${answer.error?.message ?? 'no value'}`);
  return answer.value as T;
}

/** The colour of one pixel of a PNG screenshot, decoded by the page itself (a canvas), as "rgb(r, g, b)". */
export async function pixelOf(page: Page, png: Buffer, x: number, y: number): Promise<string> {
  return page.evaluate(
    async ([data, px, py]) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d canvas');
      context.drawImage(image, 0, 0);
      const [r, g, b] = context.getImageData(px, py, 1, 1).data;
      return `rgb(${r}, ${g}, ${b})`;
    },
    [png.toString('base64'), x, y] as const,
  );
}
