"""The one place that renders user text: a jinja2 environment over `prompts/` (EN and ZH).

Templates live in `prompts/` (shipped inside the wheel as `agent/prompts`). Missing variables are
errors (StrictUndefined). Layout: `prompts/<area>/<name>.<lang>.j2`, e.g. `replies/credits.en.j2`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import jinja2

from agent.errors import ConfigError
from agent.files import bundled_path

__all__ = ["Language", "Templates", "prompts_dir"]

Language = Literal["en", "zh"]


def prompts_dir() -> Path:
    """Locate `prompts/`: inside the installed wheel, else the repository checkout."""
    found = bundled_path("prompts")
    if found is None or not found.is_dir():
        raise ConfigError("the prompts/ templates directory is missing from this installation")
    return found


class Templates:
    """A strict jinja2 environment; `render(name, lang, **ctx)` returns plain text.

    With `html=True` every value is HTML-escaped (the local backend's project page).
    """

    def __init__(self, directory: Path | None = None, *, html: bool = False) -> None:
        self._env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(directory or prompts_dir()), encoding="utf-8"),
            undefined=jinja2.StrictUndefined,
            autoescape=html,  # noqa: S701 - plain text for terminals and JSON unless html
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )

    def render(self, name: str, lang: Language | None = None, /, **context: Any) -> str:
        """Render `prompts/<name>.<lang>.j2` (or `<name>.j2` when `lang` is None).

        Raises:
            ConfigError: The template is missing, broken, or uses an undefined variable.
        """
        path = f"{name}.{lang}.j2" if lang else f"{name}.j2"
        try:
            return self._env.get_template(path).render(**context).strip()
        except jinja2.TemplateNotFound:
            raise ConfigError(f"template {path!r} not found in prompts/") from None
        except jinja2.UndefinedError as exc:
            raise ConfigError(f"template {path!r}: {exc.message}") from exc
        except jinja2.TemplateSyntaxError as exc:
            raise ConfigError(f"template {path!r} line {exc.lineno}: {exc.message}") from exc

    def names(self) -> list[str]:
        """All template paths, for tests that render every one of them."""
        return sorted(self._env.list_templates(extensions=["j2"]))
