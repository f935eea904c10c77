#!/usr/bin/env bash
# Print the path of a Python >= 3.12 (3.13 preferred), looking on PATH and in pyenv.
# Exit 1 with a clear message when none is found.
set -u
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }
if [ -n "${PYTHON:-}" ] && ok "$PYTHON"; then command -v "$PYTHON"; exit 0; fi
if command -v pyenv >/dev/null 2>&1; then
  root=$(pyenv root)
  for v in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.(1[2-9])(\.[0-9]+)?$' | sort -t. -k2,2nr -k3,3nr); do
    candidate="$root/versions/$v/bin/python3"
    if [ -x "$candidate" ] && ok "$candidate"; then echo "$candidate"; exit 0; fi
  done
fi
for name in python3.14 python3.13 python3.12 python3; do
  path=$(command -v "$name" 2>/dev/null) || continue
  if ok "$path"; then echo "$path"; exit 0; fi
done
echo "iso20k needs Python 3.12 or newer (3.13 recommended); none was found on PATH or in pyenv." >&2
echo "Install one (e.g. 'pyenv install 3.13') or set PYTHON=/path/to/python3.13." >&2
exit 1
