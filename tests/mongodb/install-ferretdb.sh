#!/usr/bin/env bash
# Builds the FerretDB v1 test server (tests/mongodb/ferretdb, pinned in go.mod/go.sum)
# into a cache folder, once per machine. Prints the binary's path.
# With --check it builds nothing: it prints the path and exits 0 when the binary
# is already built, and exits 3 otherwise (tests/setup/machineCapabilities.ts).
#
# `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2` cannot be used:
# it asks the module proxy for FerretDB's version list, which the proxy refuses,
# and FerretDB's own main package panics without its generated version file.
# A small main package around FerretDB's embeddable package avoids both.
set -euo pipefail
here="$(cd "$(dirname "$0")/ferretdb" && pwd)"
# Hashed by content, not path, so every clone on this machine finds the same build.
cache="${GONGYU_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/gongyu}/ferretdb-$(cat "$here/go.mod" "$here/go.sum" "$here/main.go" | sha256sum | cut -c1-12)"
if [ -x "$cache/bin/ferretdb" ]; then
  echo "$cache/bin/ferretdb"
  exit 0
fi
[ "${1:-}" = "--check" ] && exit 3

# The go.dev tarball and `go install` put Go outside the default PATH.
if ! command -v go >/dev/null 2>&1; then
  for dir in /usr/local/go/bin "$HOME/go/bin" /usr/lib/go/bin; do
    if [ -x "$dir/go" ]; then
      PATH="$dir:$PATH"
      break
    fi
  done
fi
need="$(sed -n 's/^go \([0-9]*\.[0-9]*\).*/\1/p' "$here/go.mod")"
command -v go >/dev/null 2>&1 || {
  echo "需要 Go ≥ $need 来构建 FerretDB（Debian 的 golang-go 够新时 apt-get install golang-go，否则见 https://go.dev/dl）" >&2
  exit 1
}
mkdir -p "$cache/bin"
# GOTOOLCHAIN=local: an older Go must fail here rather than download a newer toolchain.
(cd "$here" && GOTOOLCHAIN=local GOFLAGS=-mod=readonly GOBIN="$cache/bin" go install .) >&2
echo "$cache/bin/ferretdb"
