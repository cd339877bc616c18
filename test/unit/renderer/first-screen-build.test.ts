/**
 * The built page (dist/renderer, made by `npm test`'s build) loads the way the first screen needs:
 * a small entry without React that starts the first calls, and the app chunk with everything it
 * imports preloaded from the HTML, so both download at once.
 */
import { readFileSync, statSync } from 'node:fs';
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

describe('the built first screen', () => {
  it('has a small entry that imports no chunk statically and loads the app chunk on its own', () => {
    expect(html).toContain(`<script type="module" crossorigin src="./${entry.file}"></script>`);
    expect(entry.imports ?? []).toEqual([]);
    expect(entry.dynamicImports).toContain('src/start-app.tsx');
    expect(statSync(path.join(renderer, entry.file)).size).toBeLessThan(20_000);
    expect(readFileSync(path.join(renderer, entry.file), 'utf8')).not.toMatch(/react\.production|__REACT_DEVTOOLS|createRoot/);
  });

  it('preloads the app chunk and every chunk it imports from the HTML, and nothing twice', () => {
    const wanted = [app.file, ...(app.imports ?? []).filter((key) => key !== 'index.html').map((key) => (manifest[key] as ManifestChunk).file)];
    expect(new Set(preloaded)).toEqual(new Set(wanted));
    expect(preloaded).toHaveLength(new Set(preloaded).size);
    expect(preloaded).not.toContain(entry.file);
  });

  it('keeps the views off the first screen out of the preloads', () => {
    const lazy = (app.dynamicImports ?? []).map((key) => (manifest[key] as ManifestChunk).file);
    expect(lazy.length).toBeGreaterThan(5);
    for (const file of lazy) expect(preloaded).not.toContain(file);
  });
});
