# syntax=docker/dockerfile:1
#
# One image per service, all built from this file:
#   docker build -t ocop/gateway .
#   docker build --build-arg SERVICE=registration --build-arg HTTP_PORT=3001 -t ocop/registration .
# The build stage compiles every lib and service once (it does not depend on SERVICE,
# so it is cached across service builds); the runtime stage keeps only production
# dependencies, the compiled libs, the selected service and tools/paths.js (with the aliases of tsconfig.base.json).

ARG NODE_IMAGE=node:24-bookworm-slim

# ---- build: full dependency tree, tsc -> dist/ ---------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY tsconfig.base.json tsconfig.build.json ./
COPY libs ./libs
COPY services ./services
RUN npm run build
# The web console (apps/console), built against the OpenAPI document; the gateway serves it under /console/.
COPY docs/openapi.json ./docs/openapi.json
COPY apps ./apps
COPY tools ./tools
RUN npm run console:build

# ---- deps: production dependencies only ----------------------------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund

# ---- runtime ---------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE=gateway
ARG HTTP_PORT=3000
ENV NODE_ENV=production \
    SERVICE=${SERVICE} \
    HTTP_PORT=${HTTP_PORT}
WORKDIR /app

# Application files stay owned by root and read-only for the runtime user.
COPY package.json ./
COPY tsconfig.base.json ./
COPY tools/paths.js tools/lib-aliases.js ./tools/
# The criteria catalogues scoring imports at start (CRITERIA_DIR may point elsewhere).
COPY data/criteria ./data/criteria
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist/libs ./dist/libs
COPY --from=build /app/dist/services/${SERVICE} ./dist/services/${SERVICE}
# Only the gateway serves it; the other images carry these few hundred kilobytes unused.
COPY --from=build /app/apps/console/dist ./apps/console/dist

# Fail the build on a misspelt SERVICE; pre-create the gateway's storage dir so a
# fresh named volume mounted there inherits the runtime user's ownership.
RUN test -f "dist/services/${SERVICE}/src/main.js" \
 && mkdir -p /var/lib/ocop/storage \
 && chown 1000:1000 /var/lib/ocop/storage

# uid/gid 1000 is the "node" user of the official image; numeric so that
# Kubernetes runAsNonRoot can verify it.
USER 1000:1000
EXPOSE ${HTTP_PORT}

HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.HTTP_PORT||3000)+'/health/live',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"

# exec: node becomes PID 1 and receives SIGTERM directly (graceful shutdown).
CMD ["sh", "-c", "exec node --enable-source-maps -r ./tools/paths.js \"dist/services/${SERVICE}/src/main.js\""]
