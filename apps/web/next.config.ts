import type { NextConfig } from 'next';
import path from 'node:path';

/** The Nx workspace root: the app imports libs/api-contract and the font from node_modules there. */
const workspaceRoot = path.resolve(__dirname, '../..');

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  turbopack: { root: workspaceRoot },
  outputFileTracingRoot: workspaceRoot,
  // Next would answer socket.io's `/socket.io/?EIO=4...` with a 308 to `/socket.io?...`, which
  // breaks it; src/proxy.ts makes the redirect for every other path instead.
  skipTrailingSlashRedirect: true,
};

export default nextConfig;
