#!/usr/bin/env bash
# Installs what kg needs to build and run, when it is missing (Debian/Ubuntu, with apt):
#   libclang-dev, clang and g++  to build RocksDB (the store)
#   graphviz                     to draw SVG/PNG diagrams
#   raptor2-utils, python3-venv  to check exports with independent RDF parsers (tests only)
#   virtuoso-opensource          a SPARQL server for `kg push`'s test (tests only; the test
#                                starts its own on loopback with a throwaway database)
# Runs apt-get as root, or through sudo; says what it installs. Needs a Rust toolchain (rustup).
set -euo pipefail

need=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for pkg in libclang-dev clang g++ graphviz raptor2-utils python3-venv virtuoso-opensource; do
  have_pkg "$pkg" || need+=("$pkg")
done
if [ "${#need[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "kg setup: please install: ${need[*]} (no apt-get here)" >&2
    exit 2
  fi
  echo "kg setup: installing with apt-get: ${need[*]}" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
if ! command -v cargo >/dev/null 2>&1; then
  echo "kg setup: cargo not found: install Rust with rustup (https://rustup.rs), then run again" >&2
  exit 2
fi
