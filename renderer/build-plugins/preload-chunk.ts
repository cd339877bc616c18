/**
 * A Vite build plugin: index.html gets a <link rel="modulepreload"> for a dynamically imported
 * chunk and the chunks it imports, so the browser downloads them beside the small entry instead
 * of after it has run (Vite preloads only the entry's static imports from the HTML). The import
 * itself then preloads nothing at run time: the page has them all (Vite's helper would add its
 * own links and look them up again, about 15 ms of the first screen's main thread).
 */
import type { Plugin } from 'vite';

/** Preloads the chunk built from the module whose path ends with `moduleSuffix` (e.g. '/src/start-app.tsx'). */
export function preloadChunk(moduleSuffix: string): Plugin {
  // The built file is named after the module (start-app.tsx -> assets/start-app-<hash>.js).
  const stem = moduleSuffix.split('/').pop()?.replace(/\.[^.]+$/, '') ?? moduleSuffix;
  const isTarget = (file: string) => /\.js$/.test(file) && (file.split('/').pop() ?? '').startsWith(`${stem}-`);
  return {
    name: 'chartdesk-preload-chunk',
    apply: 'build',
    config: () => ({
      build: {
        modulePreload: {
          resolveDependencies: (filename, deps) => (isTarget(filename) ? [] : deps),
        },
      },
    }),
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        const chunks = Object.values(bundle).flatMap((item) => (item.type === 'chunk' ? [item] : []));
        const target = chunks.find((chunk) => chunk.facadeModuleId?.replace(/\\/g, '/').endsWith(moduleSuffix));
        if (!target) throw new Error(`preloadChunk: no chunk is built from a module ending with ${moduleSuffix}`);
        // The entry (its <script>) and what Vite already preloads for it are in the page already.
        const files = [target.fileName, ...target.imports].filter((file) => file !== ctx.chunk?.fileName && !html.includes(`/${file}"`));
        return files.map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}
