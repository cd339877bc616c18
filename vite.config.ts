import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served from app:// in Electron and from the loopback server in browser mode;
// relative asset URLs work under both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
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
          groups: [{ name: 'styles', test: /\.css$/ }],
        },
      },
    },
  },
});
