# AIMesh: every target runs on Node >= 24 (bootstrapped from the npm registry when the system one
# is older; see scripts/node.sh).
SHELL := /bin/bash
NODE_BIN := $(shell ./scripts/node.sh)
export PATH := $(NODE_BIN):$(PATH)
NODE := $(NODE_BIN)/node
TEST_CONCURRENCY ?= 1
TEST_TIMEOUT_MS ?= 600000

.PHONY: all deps crds chart-crds check lint fmt test test-unit test-integration test-bins test-node run bench bench-gateway bench-scale images clean

all: check

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

deps: node_modules/.installed

crds: deps
	$(NODE) crds/make.ts
	$(MAKE) chart-crds

# The chart ships the generated CRDs; test/unit/chart fails on drift.
chart-crds:
	cp crds/*.yaml charts/aimesh/crds/

check: deps
	npx tsc -p tsconfig.json
	npx biome ci .

fmt: deps
	npx biome check --write .

# The chart tests run helm: the binaries are built (or found in the cache) before any test starts,
# so a cold build (~15-20 min) is not counted against a test's timeout.
test-unit: deps
	export KUBEBUILDER_ASSETS="$$(./scripts/test-bins.sh)" && \
	$(NODE) --test --test-concurrency=$(TEST_CONCURRENCY) --test-timeout=$(TEST_TIMEOUT_MS) 'test/unit/**/*.test.ts'

# Real etcd, kube-apiserver, kube-controller-manager, kubectl, helm and jaeger, built once from the
# Go module proxy into a version-keyed cache (or taken from $$KUBEBUILDER_ASSETS when set).
test-bins:
	./scripts/test-bins.sh >/dev/null

test-integration: deps
	export KUBEBUILDER_ASSETS="$$(./scripts/test-bins.sh)" && \
	$(NODE) --test --test-concurrency=$(TEST_CONCURRENCY) --test-timeout=$(TEST_TIMEOUT_MS) 'test/integration/**/*.test.ts'

# A real node joined to the test control plane (test/support/node.ts): containerd, runc and CNI
# from Debian packages (scripts/ci-node.sh), kubelet, kube-proxy, kube-scheduler and CoreDNS from
# the Go module proxy (scripts/test-bins.sh --node, a cache of their own), the chart installed
# with helm and real pods. Needs root; says so and skips otherwise (without building the node's
# binaries), as it does with AIMESH_NO_NODE=1.
test-node: deps
	export KUBEBUILDER_ASSETS="$$(./scripts/test-bins.sh)" && \
	if [ "$$(id -u)" = 0 ] && [ "$${AIMESH_NO_NODE:-}" != 1 ]; then \
	  export AIMESH_NODE_BINS="$$(./scripts/test-bins.sh --node)"; fi && \
	$(NODE) --test --test-concurrency=1 --test-timeout=$(TEST_TIMEOUT_MS) 'test/node/**/*.test.ts'

test: check test-unit test-integration test-node

run: deps
	$(NODE) scripts/run.ts $(ARGS)

# Side-by-side benchmarks (direct, floor proxy, AIMesh, Portkey, LiteLLM), then big request bodies
# (small-call p99 next to 10 MB prompts, RSS for 1/10/30 MB bodies): bench/RESULTS.md.
# ARGS="--quick" for a one-minute smoke run.
bench: deps
	$(NODE) bench/run.ts $(ARGS)
	$(NODE) bench/big-prompts.ts $(ARGS)

# Gateway credential mode's extra hop: Sidecar vs Gateway mode, added p50/p99 (docs/egress-gateway.md).
bench-gateway: deps
	$(NODE) bench/gateway-hop.ts $(ARGS)

# Control plane at scale: compile of 10k routes, quota service with 1,000 holders, push to 1,000 sidecars.
bench-scale: deps
	export KUBEBUILDER_ASSETS="$$(./scripts/test-bins.sh)" && $(NODE) bench/scale.ts $(ARGS)

# aimesh/aimesh-operator and aimesh/aimesh-sidecar. BASE_IMAGE=<a Node 24 image>, or OFFLINE=1 to
# build on a local Debian base made with debootstrap (no registry needed).
images: deps
	./scripts/images.sh $(if $(OFFLINE),--offline)

clean:
	rm -rf node_modules .tools .cache
