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
  },
});
