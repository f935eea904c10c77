#!/usr/bin/env bash
# Serve iso20k with its background worker and scheduler; Ctrl-C stops all three.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
ADDRESS=${ADDRESS:-127.0.0.1:8000}
cleanup() { kill $(jobs -p) 2>/dev/null || true; }
trap cleanup EXIT INT TERM
$PY manage.py db_worker --no-reload --interval 1 &
$PY manage.py run_scheduler &
echo
echo "  iso20k is running at http://$ADDRESS/  (Ctrl-C stops the server, worker and scheduler)"
if grep -qs '^EMAIL_BACKEND=file' .env; then echo "  E-mail it sends is written to var/mail/"; fi
echo
$PY manage.py runserver --noreload "$ADDRESS"
