import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `base: './'` makes the built site work from any static host, under a subpath too.
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  server: { host: 'localhost', port: 5173 },
  preview: { host: '127.0.0.1' },
  build: { target: 'es2022', sourcemap: true },
});
