import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(fileURLToPath(import.meta.url));

const pkg = (names: string) => new RegExp(`node_modules[\\\\/](${names})[\\\\/]`);

/**
 * Vendor chunks, so that no single chunk is huge: React, the router, antd's components, the rc-component
 * building blocks, antd's style engine, icons and everything else. Higher priority groups take their modules first.
 */
const VENDOR_GROUPS = [
  { name: 'react', test: pkg('react|react-dom|scheduler'), priority: 60 },
  { name: 'router', test: pkg('react-router|react-router-dom|cookie|set-cookie-parser'), priority: 50 },
  { name: 'antd-style', test: pkg('@ant-design[\\\\/](cssinjs|cssinjs-utils|colors|fast-color)|@emotion|stylis|csstype'), priority: 40 },
  { name: 'antd-icons', test: pkg('@ant-design[\\\\/](icons|icons-svg)'), priority: 35 },
  { name: 'antd-rc', test: pkg('@rc-component'), priority: 30 },
  { name: 'antd', test: pkg('antd'), priority: 20 },
  { name: 'vendor', test: /node_modules/, priority: 10 },
];

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 650,
    rolldownOptions: {
      // the screens import labels from common/ modules that also declare zod schemas for the server; the schemas are
      // dropped when unused instead of pulling zod into the bundle
      treeshake: { manualPureFunctions: ['z'] },
      output: {
        codeSplitting: { groups: VENDOR_GROUPS },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
