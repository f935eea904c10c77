#!/usr/bin/env bash
# Install the Debian packages the test suite needs, if missing: Chromium for the browser
# tests, gettext for the translation check, CJK fonts so screenshots show Chinese,
# LibreOffice to open the exports. (LibreOffice joins when exports are tested.)
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v xgettext >/dev/null 2>&1 || need+=(gettext)
# Chinese glyphs in screenshots (users' own machines have their system fonts).
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
# LibreOffice opens the DOCX and XLSX exports in the tests, as auditors' machines would.
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui libreoffice-calc-nogui)
for pkg in ${EXTRA_APT_PACKAGES:-}; do need+=("$pkg"); done
[ ${#need[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "installing system packages: ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
