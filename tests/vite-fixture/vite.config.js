// Builds this fixture as an ordinary app would; the tests build it into a temporary folder.
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  logLevel: 'info',
  build: { emptyOutDir: true },
});
