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
        // Two chunks: the entry, with every module it imports statically (the first screen), and one
        // holding every other page and what only they use, loaded when the first of them opens
        // (renderer/lazy-pages.ts). Each chunk compresses on its own, so fewer, larger ones are smaller in
        // all: left to itself the bundler cut the first screen into five chunks and the pages into eleven,
        // 355 KB gzipped against the 350 KB target, where these two make 346 KB (npm run bench, bundle).
        codeSplitting: {
          groups: [
            { name: 'shell', tags: ['$initial'], priority: 2 },
            { name: 'pages', priority: 1 },
          ],
        },
      },
    },
  },
});
