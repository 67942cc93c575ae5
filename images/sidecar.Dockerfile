# aimesh-sidecar: the data plane, injected next to each workload by the operator's webhook.
#   docker build -f images/sidecar.Dockerfile -t aimesh/aimesh-sidecar:dev .        (from the repo root,
#   after `npm ci`; scripts/images.sh does both, --offline with a local base image)
# BASE_IMAGE needs Node 24 (node on PATH, or at /nodejs/bin/node as in distroless images); both
# stages use it, so no other image is pulled. The build stage bundles sidecar/main.ts and its
# dependencies into one file with esbuild from node_modules: no registry is needed in the build.
ARG BASE_IMAGE=node:24-bookworm-slim

FROM ${BASE_IMAGE} AS build
USER 0
ENV PATH=/nodejs/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
WORKDIR /src
COPY package.json package-lock.json ./
COPY node_modules/ node_modules/
COPY images/bundle.ts images/
COPY sidecar/ sidecar/
# Exec form: works in shell-less (distroless) bases too.
RUN ["node", "images/bundle.ts", "sidecar", "/app"]
# Smoke test of the bundle as the runtime user, which also fills V8's compile cache (keyed by
# uid) for a faster start; then everything becomes read-only.
ENV NODE_COMPILE_CACHE=/app/.compile-cache
USER 65532:65532
# (with the entrypoint's V8 flags: the cache is only used by a process with the same flags)
RUN ["node", "--max-semi-space-size=2", "/app/aimesh-sidecar.mjs", "--help"]
USER 0
ENV NODE_COMPILE_CACHE=
RUN ["node", "images/bundle.ts", "--seal", "/app"]

FROM ${BASE_IMAGE}
ARG VERSION=dev
ARG REVISION=unknown
LABEL org.opencontainers.image.title="aimesh-sidecar" \
      org.opencontainers.image.description="AIMesh sidecar: OpenAI/Anthropic-compatible localhost gateway enforcing routes, quotas and guards" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}"
ENV PATH=/nodejs/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    NODE_ENV=production \
    NODE_COMPILE_CACHE=/app/.compile-cache
# Owned by root and read-only for the runtime user: nothing under / is written at run time (the
# last-known-good snapshot goes to a mounted emptyDir).
COPY --from=build --chown=0:0 /app/ /app/
USER 65532:65532
WORKDIR /app
EXPOSE 15080 15090
# A small young generation: V8 grows it to 16-32 MB semi-spaces under load, which costs ~90 MB
# of RSS per pod and 12-34 ms scavenges (bench/RESULTS.md); 2 MB keeps pauses short.
ENTRYPOINT ["node", "--max-semi-space-size=2", "/app/aimesh-sidecar.mjs"]
