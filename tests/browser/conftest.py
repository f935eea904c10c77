"""Browser tests: the real pages in Debian's headless Chromium, driven by Playwright.

The app runs in pytest-django's live server on the test database, loaded with the demo
organisation. Screenshots land in artifacts/screenshots/ for people to look at.
"""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in this thread; Django's ORM in the live server's
# thread is unaffected, but fixtures touching the ORM here need this switch.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail("Chromium is missing: `make test` installs it (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def demo(transactional_db, settings):
    from django.core.management import call_command

    # A smaller demo (a fifth of the tickets) keeps each browser test's setup short.
    settings.DEMO_SCALE = 0.2
    call_command("load_demo", verbosity=0)


class Session:
    """One person's browser tab, with helpers to sign in, switch language and take shots."""

    def __init__(self, browser, base_url: str, width: int = 1366, height: int = 900) -> None:
        self.context = browser.new_context(
            viewport={"width": width, "height": height}, locale="en-GB"
        )
        self.page = self.context.new_page()
        self.base_url = base_url
        self.errors: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def goto(self, path: str):
        response = self.page.goto(self.base_url + path)
        self.page.wait_for_load_state("networkidle")
        return response

    def login(self, username: str, password: str = "iso20k-demo") -> None:
        self.goto("/accounts/login/")
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", password)
        self.click_and_wait("button[type=submit]")

    def click_and_wait(self, selector: str, url: str | None = None) -> None:
        """Click something that leads to another page and wait until it is there.

        Boosted links and forms change the page through htmx, so pass the `url` (a glob or
        regex) the click leads to; a plain form posts and navigates, which is awaited as is.
        """
        if url is None:
            with self.page.expect_navigation():
                self.page.click(selector)
        else:
            self.page.click(selector)
            self.page.wait_for_url(url)
        self.page.wait_for_load_state("networkidle")

    def switch_language(self, code: str) -> None:
        self.click_and_wait(f".language-switcher button[value='{code}'] >> nth=0")

    def shot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def session(browser, live_server):
    sessions = []

    def open_session(**kwargs) -> Session:
        created = Session(browser, live_server.url, **kwargs)
        sessions.append(created)
        return created

    yield open_session
    for created in sessions:
        created.close()
