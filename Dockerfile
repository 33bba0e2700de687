# syntax=docker/dockerfile:1
# Build stage: full install and compile to dist/ (tsc type-checks on the way: a broken tree never becomes an image).
FROM node:26-trixie-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Runtime stage: production dependencies and the compiled bot only.
FROM node:26-trixie-slim
ENV NODE_ENV=production PORT=3000 DATA_DIR=/app/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY content ./content
COPY migrations ./migrations
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# The same command as `npm start` (package.json), without npm in between so SIGTERM reaches the bot directly.
# The heap flags keep the resident set near 140 MB during a 10,000-drill fan-out (see BENCHMARKS.md).
# --liftoff-only: WebAssembly (undici's HTTP parser, PGlite) runs on V8's baseline compiler only. On Node 20
# optimising undici's parser cost a ~35 MB spike of compiler memory at the first Slack call, the process's
# peak; on Node 26 PGlite's resident set is ~100 MB smaller. See bench/limits.md ("Memory").
CMD ["node", "--max-semi-space-size=8", "--max-old-space-size=96", "--liftoff-only", "dist/main.js"]
