"""Browser links of the embedded local backend that still say something after the worker stopped.

A `--local` link points at the worker's embedded backend on 127.0.0.1; once the worker exits
nothing listens there and a browser shows only "connection refused". So the worker hands out
links through a small static page in the state folder instead:

    file:///<state>/worker/links/open.<lang>.html#http://127.0.0.1:<port>/workspace/claim?ct=...

The page probes the backend (a `no-cors` fetch resolves on any HTTP answer and rejects when
nothing listens). Up: it replaces itself with the link after `#`. Down: it says the local
backend is not running and how to start it (in the session's language, from `prompts/page/`),
and keeps probing, so it opens the project by itself once any `--local` command has started the
worker again (the backend's port is stable per state folder). Only loopback targets are opened.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import get_args

from agent.files import private_dir
from agent.templates import Language, Templates

__all__ = ["LinkPages"]


class LinkPages:
    """The offline-aware link pages of one state folder (`<state>/worker/links`)."""

    def __init__(self, folder: Path, templates: Templates | None = None) -> None:
        """Pages live in `folder` (created 0700 on `write`); `templates`: HTML-escaping ones."""
        self.folder = folder
        self._templates = templates or Templates(html=True)

    def page(self, language: str) -> Path:
        """The page for a reply language (`en` or `zh`; anything else: `en`)."""
        lang = language if language in get_args(Language) else "en"
        return self.folder / f"open.{lang}.html"

    def write(self) -> None:
        """Write (or refresh) the page of every language, each whole through a temporary file.

        Raises:
            OSError: The folder cannot be created or written.
        """
        private_dir(self.folder)
        for lang in get_args(Language):
            html = self._templates.render("page/offline.html", None, language=lang)
            dest = self.page(lang)
            tmp = dest.with_name(f".{dest.name}.{uuid.uuid4().hex}.part")
            try:
                tmp.write_text(html + "\n", encoding="utf-8")
                tmp.chmod(0o600)
                os.replace(tmp, dest)
            finally:
                tmp.unlink(missing_ok=True)

    def web_url(self, language: str, backend_url: str) -> str:
        """The `web_url` that makes every link of `backend_url` go through the page."""
        return f"{self.page(language).resolve().as_uri()}#{backend_url.rstrip('/')}"
