#!/usr/bin/env bash
# Install, from nothing, what the report's browser and validator tests need
# (tests/test_report_browser.py). Idempotent: a second run only checks.
#   - Debian: chromium (headless, for axe-core and printing to PDF), poppler-utils (pdftotext),
#     fonts-dejavu-core (a known font so the printed page measures the same everywhere),
#     nodejs and npm if no node is on the PATH.
#   - npm, into .ci/node_modules (git-ignored), exactly as .ci/package-lock.json pins them:
#     axe-core, html-validate, playwright-core (drives /usr/bin/chromium; downloads no browser).
set -euo pipefail
cd "$(dirname "$0")"

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v pdftotext >/dev/null || need+=(poppler-utils)
[ -d /usr/share/fonts/truetype/dejavu ] || need+=(fonts-dejavu-core)
command -v node >/dev/null || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if ! node -e 'for (const m of ["axe-core", "html-validate", "playwright-core"]) require.resolve(m)' 2>/dev/null; then
  # Never let playwright fetch a browser of its own: the tests use Debian's chromium.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

echo "browser tests: $(/usr/bin/chromium --version 2>/dev/null | head -1); node $(node --version);" \
  "$(node -p 'require("axe-core/package.json").name + " " + require("axe-core/package.json").version')"
