#!/usr/bin/env bash
# Builds the SeaweedFS S3 test server (tests/s3/seaweedfs, pinned in go.mod/go.sum)
# into a cache folder, once per machine. Prints the binary's path.
# With --check it builds nothing: it prints the path and exits 0 when the binary
# is already built, and exits 3 otherwise (tests/setup/machineCapabilities.ts).
#
# `go install github.com/seaweedfs/seaweedfs/weed@<version>` cannot be used: SeaweedFS's
# go.mod has a replace directive, which `go install …@version` refuses. A small main
# package around SeaweedFS's command package (with that replace copied) avoids it.
set -euo pipefail
here="$(cd "$(dirname "$0")/seaweedfs" && pwd)"
# Hashed by content, not path, so every clone on this machine finds the same build.
cache="${GONGYU_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/gongyu}/seaweedfs-$(cat "$here/go.mod" "$here/go.sum" "$here/main.go" | sha256sum | cut -c1-12)"
if [ -x "$cache/bin/seaweedfs" ]; then
  echo "$cache/bin/seaweedfs"
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
  echo "需要 Go ≥ $need 来构建 SeaweedFS（Debian 的 golang-go 够新时 apt-get install golang-go，否则见 https://go.dev/dl）" >&2
  exit 1
}
mkdir -p "$cache/bin"
# GOTOOLCHAIN=local: an older Go must fail here rather than download a newer toolchain.
# No debug info: a smaller binary, the same program.
(cd "$here" && GOTOOLCHAIN=local GOFLAGS=-mod=readonly go build -ldflags='-s -w' -o "$cache/bin/seaweedfs.partial" .) >&2
mv "$cache/bin/seaweedfs.partial" "$cache/bin/seaweedfs"
echo "$cache/bin/seaweedfs"
