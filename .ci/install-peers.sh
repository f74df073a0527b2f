#!/usr/bin/env bash
# Debian 12 packages for tests/peers/wordpress.ts. Run as root; assumes `apt-get update` already ran.
set -euo pipefail

packages=(wordpress mariadb-server php8.2-cli php8.2-mysql php8.2-xml php8.2-mbstring php8.2-curl)

missing=()
for package in "${packages[@]}"; do
  if [[ "$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null)" != installed ]]; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-peers: already installed: ${packages[*]}"
  exit 0
fi

if ((EUID != 0)); then
  echo "install-peers: run as root to install: ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get install -y --no-install-recommends "${missing[@]}"
