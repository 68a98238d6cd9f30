"""--local links open through a page in the state folder (agent/worker/links.py), in Chromium.

Nothing listening: the page says the worker is not running and how to start it, in the reply's
language. The backend answering: the page replaces itself with the project link. Needs Debian's
`chromium`; without a browser the tests are skipped. Waits are browser events, never sleeps.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import jinja2
import pytest

from agent.local.server.app import create_app
from agent.local.server.loopback import running
from agent.templates import prompts_dir
from agent.worker.links import LinkPages
from tests.e2e.cdp import Browser, find_browser
from tests.local_support import local_config, local_deps

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(find_browser() is None, reason="no chromium (apt-get install chromium)"),
]

_SETTLED = """
new Promise(resolve => {
  const settled = () => document.body.dataset.state !== "probing";
  const report = () => resolve([document.body.dataset.state, document.body.innerText]);
  const start = () => {
    if (settled()) { report(); return; }
    new MutationObserver(() => { if (settled()) report(); })
      .observe(document.body, {attributes: true, subtree: true});
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})
"""
_LOADED = """
new Promise(resolve => {
  const done = () => resolve([location.href, document.body.innerText]);
  if (document.readyState === "complete") done(); else addEventListener("load", done);
})
"""


@pytest.fixture
def closed_port() -> Iterator[int]:
    """A loopback port that refuses connections (bound, never listening), held for the test."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


def _browser(tmp_path: Path) -> Browser:
    executable = find_browser()
    assert executable is not None
    return Browser(executable, tmp_path / "profile")


def _words(language: str) -> dict[str, str]:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(prompts_dir()), autoescape=True)
    module = env.get_template(f"page/words.{language}.j2").module
    return {key: str(getattr(module, key)) for key in ("link_offline_title", "expired")}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_a_link_opened_while_nothing_listens_says_so_and_how_to_start_it(
    tmp_path: Path, closed_port: int, language: str
) -> None:
    pages = LinkPages(tmp_path / "state" / "worker" / "links")
    pages.write()
    link = pages.web_url(language, f"http://127.0.0.1:{closed_port}") + "/workspace/claim?ct=x"
    assert link.startswith("file://")

    with _browser(tmp_path) as browser:
        page = browser.open_page(link)
        browser.wait_event("Page.frameNavigated", lambda p: p["frame"]["url"].startswith("file:"))
        state, text = browser.evaluate(page, _SETTLED)

    assert state == "offline"
    assert _words(language)["link_offline_title"] in text
    assert "nemo-agent credits --local" in text


def test_a_link_opened_while_the_backend_answers_goes_on_to_it(tmp_path: Path) -> None:
    pages = LinkPages(tmp_path / "state" / "worker" / "links")
    pages.write()
    app = create_app(local_config(tmp_path), local_deps())
    with running(app) as url, _browser(tmp_path) as browser:
        target = f"{url}/workspace/claim?ct=unknown-token"
        page = browser.open_page(pages.web_url("en", url) + "/workspace/claim?ct=unknown-token")
        browser.wait_event("Page.frameNavigated", lambda p: p["frame"]["url"] == target)
        href, text = browser.evaluate(page, _LOADED)

    assert href == target
    assert _words("en")["expired"] in text  # the backend's own page for an unknown link


def test_the_page_opens_only_local_backend_links(tmp_path: Path) -> None:
    pages = LinkPages(tmp_path / "links")
    pages.write()
    with _browser(tmp_path) as browser:
        page = browser.open_page(pages.page("en").as_uri() + "#https://example.com/phish")
        browser.wait_event("Page.frameNavigated", lambda p: p["frame"]["url"].startswith("file:"))
        state, _text = browser.evaluate(page, _SETTLED)
    assert state == "foreign"
