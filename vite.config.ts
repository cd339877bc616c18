import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { preloadChunk } from './renderer/build-plugins/preload-chunk';

// The renderer is served from app:// in Electron and from the loopback server in browser mode;
// relative asset URLs work under both.
export default defineConfig({
  root: 'renderer',
  base: './',
  // The app chunk (React and the first screen) downloads beside the small entry that starts the first calls.
  plugins: [react(), preloadChunk('/src/start-app.tsx')],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome120',
    // .vite/manifest.json lists each chunk and what it imports (what the first screen loads).
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Views off the first screen are lazy chunks (React.lazy), but all CSS stays one stylesheet in
          // the order of renderer/src/stylesheets.ts: split, a shared stylesheet would load in chunk order.
          // Code the app chunk shares with lazy views is one chunk, not a handful of tiny ones: the
          // first screen then loads in three requests that all go out at once.
          groups: [
            { name: 'styles', test: /\.css$/ },
            { name: 'shared', minShareCount: 2, test: (id) => !id.endsWith('.css') },
          ],
        },
      },
    },
  },
});
