#!/usr/bin/env bash
# The desk's peers for tests/desk: Redis (two desk processes share documents through it) and PostgreSQL.
# Idempotent; runs as root after apt-get update. Tests start their own redis-server in a temp dir.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if ! command -v redis-server >/dev/null || ! dpkg -s postgresql >/dev/null 2>&1; then
  apt-get install -y --no-install-recommends redis-server postgresql
fi
# Debian starts the packaged services; the tests use their own instances on free ports.
if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
  systemctl disable --now redis-server postgresql >/dev/null 2>&1 || true
fi
