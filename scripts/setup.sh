#!/usr/bin/env bash
# Installs the Debian packages Diglot needs (only the missing ones), when run as root;
# otherwise says what to install. Used by `make demo` and `make test`.
set -euo pipefail

packages=(libxml2-dev libsqlite3-dev pkg-config hunspell-uk hunspell-ru hunspell-en-us libhunspell-dev
          libstemmer-dev python3 time)
missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "setup: all required packages are installed."
elif [ "$(id -u)" -eq 0 ]; then
    echo "setup: installing ${missing[*]}"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
else
    echo "setup: missing packages: ${missing[*]}" >&2
    echo "setup: install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi

if ! command -v swift >/dev/null 2>&1; then
    echo "setup: the Swift toolchain (6.1 or later) is not on PATH; install it from https://swift.org/install" >&2
    exit 1
fi
