#!/usr/bin/env bash
# Builds the FerretDB v1 test server (tests/mongodb/ferretdb, pinned in go.mod/go.sum)
# into a cache folder, once per machine. Prints the binary's path.
#
# `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2` cannot be used:
# it asks the module proxy for FerretDB's version list, which the proxy refuses,
# and FerretDB's own main package panics without its generated version file.
# A small main package around FerretDB's embeddable package avoids both.
set -euo pipefail
here="$(cd "$(dirname "$0")/ferretdb" && pwd)"
cache="${GONGYU_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/gongyu}/ferretdb-$(sha256sum "$here/go.sum" "$here/main.go" | sha256sum | cut -c1-12)"
if [ ! -x "$cache/bin/ferretdb" ]; then
  command -v go >/dev/null || { echo "需要 Go 工具链来构建 FerretDB（apt-get install golang 或见 https://go.dev/dl）" >&2; exit 1; }
  mkdir -p "$cache/bin"
  (cd "$here" && GOFLAGS=-mod=readonly GOBIN="$cache/bin" go install .) >&2
fi
echo "$cache/bin/ferretdb"
