# syntax=docker/dockerfile:1
# Palisade: the API and the dashboard in one image.
#   docker build -t palisade .      run: see docker-compose.yml (it needs DATABASE_URL)
#
# Two stages. `build` installs everything and compiles; `runtime` holds only dist/runtime, the
# files the service runs (tools/scripts/runtime-layout.mjs: the API and CLI bundles with the
# node_modules files they load, the Prisma CLI and migrations, Next's standalone dashboard), about
# 131 MB on top of the Node image: no development dependencies, test servers, sources or embedded
# PostgreSQL. It runs as the unprivileged `node` user and with a read-only root filesystem: only
# PALISADE_DATA_DIR (/data) and the dashboard's cache directory are written.

FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NX_DAEMON=false NEXT_TELEMETRY_DISABLED=1 PALISADE_STANDALONE=1
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/cli/package.json apps/cli/
COPY apps/web/package.json apps/web/
COPY libs/api-contract/package.json libs/api-contract/
COPY libs/cluster-model/package.json libs/cluster-model/
COPY libs/database/package.json libs/database/
COPY libs/k8s-testing/package.json libs/k8s-testing/
COPY libs/policy-engine/package.json libs/policy-engine/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build -p api cli web --outputStyle=static && node tools/scripts/runtime-layout.mjs

FROM node:24-bookworm-slim AS runtime
WORKDIR /app
# HOSTNAME: Next's standalone server listens on it (Docker sets it to the container id).
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PALISADE_DATA_DIR=/data HOSTNAME=0.0.0.0 \
    CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1
# Owned by root and not writable by the service: the code cannot be changed at run time.
COPY --from=build /app/dist/runtime/ /app/
RUN mkdir -p /data && chown node:node /data /app/web/apps/web/.next/cache
USER node
EXPOSE 4000 3000
VOLUME ["/data"]
CMD ["node", "tools/scripts/start.mjs"]
