# Palisade: the API (and the dashboard once built) in one image.
# Build: docker build -t palisade .   Run: see docker-compose.yml.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NX_DAEMON=false NEXT_TELEMETRY_DISABLED=1
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
RUN npx nx run-many -t build -p api cli web --outputStyle=static

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PALISADE_DATA_DIR=/data
# Run as the unprivileged node user; /data holds the embedded database when DATABASE_URL is unset.
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 4000 3000
VOLUME ["/data"]
CMD ["node", "tools/scripts/start.mjs"]
