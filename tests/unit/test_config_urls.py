"""Every NEMO_API_URL / NEMO_WEB_URL is either a clean ConfigError or a URL the client can use."""

from __future__ import annotations

import httpx
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from agent.config import Settings
from agent.errors import ConfigError

_PIECES = st.sampled_from(
    ["http://", "https://", "ftp://", "//", "[", "]", "::1", "127.0.0.1", "localhost", ":",
     "8765", "99999", "-1", "@", "user:pw", "/", "?", "#", "%", "%zz", "xn--", "例子", ".",
     " ", "\t", "\x00", "\x1b", "\u200b", "a", "-"]
)  # fmt: skip
_URLS = st.one_of(st.text(max_size=40), st.lists(_PIECES, max_size=8).map("".join))


def _usable(url: str) -> bool:
    client = httpx.AsyncClient(base_url=url)
    request = client.build_request("GET", "/api/credits/balance/simple")
    return request.url.scheme in ("http", "https") and bool(request.url.host)


@settings(
    deadline=None,
    max_examples=300,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(raw=_URLS)
@example(raw="http://[::1")
@example(raw="http://host:99999")
@example(raw="https://xn--")
@example(raw="http://[zz]")
def test_any_api_url_is_a_config_error_or_a_usable_url(raw: str) -> None:
    for key in ("NEMO_API_URL", "NEMO_WEB_URL"):
        outcome: str | ConfigError
        try:
            outcome = getattr(Settings.from_env({"HOME": "/tmp", key: raw}), key[5:].lower())
        except ConfigError as exc:
            outcome = exc
        if isinstance(outcome, ConfigError):
            assert key in outcome.message
        else:
            assert _usable(outcome)
