import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served from app://renderer/ in Electron and from / in browser mode, so asset
// paths are relative. No source maps in the build: they would ship the sources to every user.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // What the first screen loads (every module the entry imports statically) is one chunk, and each
        // lazy page keeps its own. Left to itself the bundler cut the first screen into five chunks by
        // which pages share them, and each compressed on its own: 12 KB more gzipped in all (npm run bench).
        codeSplitting: { groups: [{ name: 'shell', tags: ['$initial'] }] },
      },
    },
  },
});
