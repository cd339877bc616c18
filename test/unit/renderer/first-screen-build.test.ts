/**
 * The built page (dist/renderer, made by `npm test`'s build) loads the way the first screen needs:
 * a small entry without React that starts the first calls, and the app chunk with everything it
 * imports preloaded from the HTML, so both download at once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../../support/paths';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

const renderer = path.join(DIST, 'renderer');
const manifest = JSON.parse(readFileSync(path.join(renderer, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
const html = readFileSync(path.join(renderer, 'index.html'), 'utf8');
const entry = manifest['index.html'] as ManifestChunk;
const app = manifest['src/start-app.tsx'] as ManifestChunk;
const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]*href="\.\/([^"]+)"/g)].map((m) => m[1]);

const chunkFile = (key: string) => (key === 'index.html' ? entry.file : (manifest[key] as ManifestChunk).file);

describe('the built first screen', () => {
  it('has a small entry without React DOM that loads the app chunk on its own', () => {
    expect(html).toContain(`<script type="module" crossorigin src="./${entry.file}"></script>`);
    expect(entry.dynamicImports).toContain('src/start-app.tsx');
    const entryCode = [entry.file, ...(entry.imports ?? []).map(chunkFile)].map((file) => readFileSync(path.join(renderer, file), 'utf8'));
    expect(entryCode.reduce((sum, code) => sum + code.length, 0)).toBeLessThan(60_000);
    for (const code of entryCode) expect(code).not.toMatch(/createRoot|react-dom\.production|__REACT_DEVTOOLS_GLOBAL_HOOK__/);
    expect(readFileSync(path.join(renderer, app.file), 'utf8')).toMatch(/createRoot/);
  });

  it('preloads the app chunk and every chunk it and the entry import from the HTML, each once', () => {
    const wanted = [app.file, ...[...(app.imports ?? []), ...(entry.imports ?? [])].filter((key) => key !== 'index.html').map(chunkFile)];
    expect(new Set(preloaded)).toEqual(new Set(wanted));
    expect(preloaded).toHaveLength(new Set(preloaded).size);
    expect(preloaded).not.toContain(entry.file);
  });

  it('keeps the views off the first screen out of the preloads', () => {
    const lazy = (app.dynamicImports ?? []).map(chunkFile);
    expect(lazy.length).toBeGreaterThan(5);
    for (const file of lazy) expect(preloaded).not.toContain(file);
  });
});
