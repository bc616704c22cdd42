# 申报助手 service image: `npm start` (web chat + HTTP) or `npm run worker` (documents).
# Not built in CI (no Docker engine there); kept in step with package.json and README "Service".
FROM node:20-bookworm-slim AS build
WORKDIR /app
# hnswlib-node builds with node-gyp.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY scripts ./scripts
COPY corpus ./corpus

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data DOCUMENTS_DIR=/data/documents INDEX_DIR=/data/index
COPY --from=build /app /app
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Node itself is PID 1's child here, not npm: `docker stop` sends SIGTERM straight to the app,
# which stops gracefully (SHUTDOWN_TIMEOUT_MS); npm does not reliably forward SIGTERM.
CMD ["node", "--import", "tsx", "src/main.ts"]
