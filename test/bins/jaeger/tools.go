//go:build tools

// Package tools pins the main package built by scripts/test-bins.sh.
package tools

import _ "github.com/jaegertracing/jaeger/cmd/jaeger"
