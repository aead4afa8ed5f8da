# syntax=docker/dockerfile:1
# One image per app: docker build --build-arg APP=slack -t samverkan-slack .   (or APP=teams)
# The same steps run in CI without Docker: scripts/deploy-smoke.sh.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
ARG APP=slack
# better-sqlite3 compiles from source when no prebuilt binary matches.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
ENV COREPACK_INTEGRITY_KEYS=0 TURBO_TELEMETRY_DISABLED=1
RUN npm install -g pnpm@10.34.8
WORKDIR /repo
COPY . .
RUN pnpm install --frozen-lockfile
RUN pnpm turbo run build --filter=@samverkan/${APP}
# Only the app, its built bundle and its production dependencies.
RUN pnpm --filter @samverkan/${APP} deploy --prod --legacy /out

FROM ${NODE_IMAGE} AS runtime
ARG APP=slack
ENV NODE_ENV=production SAMVERKAN_DB=/data/samverkan.db
WORKDIR /app
COPY --from=build --chown=node:node /out /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
# Slack listens on 3000 and Teams on 3978 unless PORT says otherwise.
ENV PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The V8 flags are APP_NODE_FLAGS in packages/runtime/src/node-flags.ts (why: see there).
CMD ["node", "--max-semi-space-size=2", "--expose-gc", "dist/main.js"]
