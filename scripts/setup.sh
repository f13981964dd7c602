#!/usr/bin/env bash
# Installs what `make test` needs and this machine lacks: Debian packages
# through apt-get (as root), and the Node tools pinned by package-lock.json
# into this repository's node_modules. Without root it installs nothing
# and prints the command that would. Run by `make deps`; safe to run again:
# what is there is left alone.
set -euo pipefail
cd "$(dirname "$0")/.."

# command name → Debian package.
need=()
want() { command -v "$1" >/dev/null 2>&1 || [ -x "$1" ] || need+=("$2"); }
want chromium chromium
want firefox-esr firefox-esr
want WebKitWebDriver webkit2gtk-driver
want Xvfb xvfb
want xauth xauth
want nginx nginx-light
want wrk wrk
want brotli brotli
want gzip gzip
want node nodejs
want npm npm
want java default-jre-headless
want pdftotext poppler-utils
# The WordPress embed test (internal/e2e/wordpress_test.go) runs Debian's
# WordPress on PHP's Apache module with MariaDB. It starts and stops its
# own servers on loopback ports, with their own configuration and data:
# the services the packages install are not used.
wantfile() { [ -e "$1" ] || need+=("$2"); }
wantfile /usr/share/wordpress/wp-load.php wordpress
wantfile /usr/sbin/mariadbd mariadb-server
wantfile /usr/sbin/apache2 apache2
compgen -G "/usr/lib/apache2/modules/libphp*.so" >/dev/null || need+=(libapache2-mod-php)
compgen -G "/usr/lib/php/*/mysqli.so" >/dev/null || need+=(php-mysql)
# The WebKit checks run MiniBrowser, which webkit2gtk-driver does not pull
# in on every release: look for it where libwebkit2gtk puts it.
if ! compgen -G "/usr/lib/*/webkit2gtk-4.*/MiniBrowser" >/dev/null; then
  need+=(libwebkit2gtk-4.1-0)
fi

apt_install() {
  # Shared machines can hold the dpkg lock or drop a download: wait for
  # the lock, and retry once.
  for attempt in 1 2; do
    if apt-get -o DPkg::Lock::Timeout=300 update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "$@"; then
      return 0
    fi
    echo "setup: apt-get failed (attempt $attempt)" >&2
    [ "$attempt" = 1 ] && sleep 10
  done
  return 1
}

if [ ${#need[@]} -gt 0 ]; then
  cmd="apt-get -o DPkg::Lock::Timeout=300 update && apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends ${need[*]}"
  if [ "$(id -u)" != 0 ]; then
    echo "setup: missing ${need[*]}. As root, run:" >&2
    echo "  $cmd" >&2
    exit 1
  fi
  echo "setup: installing ${need[*]}"
  apt_install "${need[@]}"
fi

# node_modules is current when it was installed from this very lock file
# (npm ci removes it first, stamp and all).
if ! cmp -s package-lock.json node_modules/.gloss-package-lock.json; then
  echo "setup: npm ci (package-lock.json)"
  npm ci --no-audit --no-fund --ignore-scripts
  cp package-lock.json node_modules/.gloss-package-lock.json
fi
