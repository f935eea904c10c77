"""Create .env for local use on the first `make run`: DEBUG on, random secrets that persist.

The history key must stay the same across restarts, or the chain could not be verified;
that is why it is generated once and kept in .env (which git ignores).
"""

import secrets
import sys
from pathlib import Path

ENV = Path(__file__).resolve().parent.parent / ".env"


def main() -> int:
    if ENV.exists():
        return 0
    ENV.write_text(
        "# Local development settings, created by `make run`. Never commit this file.\n"
        "DEBUG=true\n"
        f"SECRET_KEY={secrets.token_urlsafe(50)}\n"
        f"HISTORY_KEY=k1:{secrets.token_urlsafe(40)}\n"
        "# Demo e-mail is written to var/mail/, one file per message, not sent or printed.\n"
        "EMAIL_BACKEND=file\n",
        encoding="utf-8",
    )
    ENV.chmod(0o600)
    print("created .env with DEBUG=true, fresh secrets and e-mail into var/mail/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
