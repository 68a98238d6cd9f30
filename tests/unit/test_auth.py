"""Credentials: client id persistence, NEMO_TOKEN precedence, anonymous token cache and expiry."""

from __future__ import annotations

import asyncio
import json
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from agent.auth import ANONYMOUS_TTL_SECONDS, Credentials, Token, TokenCache, resolve_client_id
from agent.config import Settings
from agent.errors import AuthError, ConfigError
from agent.models import AnonymousToken
from tests.fakes import FakeClock

EXPIRES = datetime(2026, 12, 1, tzinfo=UTC)
ISSUED = AnonymousToken(token="nmv_usr_issued", user_id="anon_1", expires_at=EXPIRES, credits=100)


class Issuer:
    """Records the client ids it was asked for and hands out `ISSUED`."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    async def __call__(self, client_id: str) -> AnonymousToken:
        self.calls.append(client_id)
        return ISSUED


def _settings(env: dict[str, str], **extra: str) -> Settings:
    return Settings.from_env({**env, **extra})


def test_env_client_id_wins_over_the_file(env: dict[str, str]) -> None:
    settings = _settings(env, NEMO_CLIENT_ID="from-env")
    settings.client_id_file.parent.mkdir(parents=True)
    settings.client_id_file.write_text("from-file\n", encoding="utf-8")
    assert resolve_client_id(settings) == "from-env"


def test_client_id_file_is_read_with_whitespace_stripped(settings: Settings) -> None:
    settings.client_id_file.parent.mkdir(parents=True)
    settings.client_id_file.write_text("  shared-id \n", encoding="utf-8")
    assert resolve_client_id(settings) == "shared-id"


def test_missing_client_id_is_generated_once_and_persisted(settings: Settings) -> None:
    first = resolve_client_id(settings, new_id=lambda: "new-uuid")
    second = resolve_client_id(settings, new_id=lambda: "other-uuid")
    assert (first, second) == ("new-uuid", "new-uuid")
    assert settings.client_id_file.read_text(encoding="utf-8") == "new-uuid\n"
    assert settings.client_id_file.parts[-3:] == (".config", "nemovideo", "client_id")


def test_default_client_id_is_a_uuid4(settings: Settings) -> None:
    value = resolve_client_id(settings)
    assert len(value) == 36
    assert value[14] == "4"


def test_user_token_wins_and_is_never_cached(env: dict[str, str]) -> None:
    settings = _settings(env, NEMO_TOKEN="nmv_usr_mine")
    issuer = Issuer()
    creds = Credentials(settings, clock=FakeClock())
    token = asyncio.run(creds.token(issuer))
    assert token == Token("nmv_usr_mine", anonymous=False)
    assert issuer.calls == []
    assert not (settings.state_dir / "anonymous_token.json").exists()


def test_anonymous_token_is_issued_once_then_served_from_cache(settings: Settings) -> None:
    clock = FakeClock(EXPIRES.timestamp() - 3600)
    issuer = Issuer()
    settings = settings.with_overrides(client_id="cid-1")
    first = asyncio.run(Credentials(settings, clock=clock).token(issuer))
    second = asyncio.run(Credentials(settings, clock=clock).token(issuer))
    expected = Token(
        "nmv_usr_issued", anonymous=True, user_id="anon_1", expires_at=EXPIRES.timestamp()
    )
    assert (first, second) == (expected, expected)
    assert issuer.calls == ["cid-1"]


def test_token_cache_file_is_private(settings: Settings) -> None:
    cache = TokenCache(settings.state_dir / "t.json", FakeClock(0), "https://api")
    cache.save(ISSUED, "cid")
    mode = stat.S_IMODE((settings.state_dir / "t.json").stat().st_mode)
    assert mode == 0o600


def test_expired_cached_token_is_ignored(tmp_path: Path) -> None:
    clock = FakeClock(EXPIRES.timestamp() - 10)
    cache = TokenCache(tmp_path / "t.json", clock, "https://api")
    cache.save(ISSUED, "cid")
    assert cache.load("cid") is None  # within the safety margin of expiry
    clock.now = EXPIRES.timestamp() - 3600
    assert cache.load("cid") == Token(
        "nmv_usr_issued", anonymous=True, user_id="anon_1", expires_at=EXPIRES.timestamp()
    )


def test_cached_token_of_another_client_or_api_is_ignored(tmp_path: Path) -> None:
    clock = FakeClock(0)
    TokenCache(tmp_path / "t.json", clock, "https://api").save(ISSUED, "cid")
    assert TokenCache(tmp_path / "t.json", clock, "https://api").load("other") is None
    assert TokenCache(tmp_path / "t.json", clock, "http://127.0.0.1:9").load("cid") is None


def test_token_without_expiry_is_kept_for_seven_days(tmp_path: Path) -> None:
    clock = FakeClock(1000.0)
    cache = TokenCache(tmp_path / "t.json", clock, "")
    saved = cache.save(AnonymousToken(token="nmv_usr_x"), "cid")
    assert saved.expires_at == 1000.0 + ANONYMOUS_TTL_SECONDS
    clock.advance(ANONYMOUS_TTL_SECONDS)
    assert cache.load("cid") is None


def test_corrupt_cache_file_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "t.json").write_text("{not json", encoding="utf-8")
    assert TokenCache(tmp_path / "t.json", FakeClock(), "").load("cid") is None
    (tmp_path / "t.json").write_text(json.dumps([1]), encoding="utf-8")
    assert TokenCache(tmp_path / "t.json", FakeClock(), "").load("cid") is None


def test_rejecting_an_anonymous_token_drops_the_cache(settings: Settings) -> None:
    clock = FakeClock(0)
    creds = Credentials(settings.with_overrides(client_id="cid"), clock=clock)
    token = asyncio.run(creds.token(Issuer()))
    creds.reject(token)
    assert creds.current() is None


def test_rejecting_the_users_token_is_an_auth_error(env: dict[str, str]) -> None:
    creds = Credentials(_settings(env, NEMO_TOKEN="nmv_usr_mine"), clock=FakeClock())
    with pytest.raises(AuthError, match="NEMO_TOKEN was rejected") as info:
        creds.reject(Token("nmv_usr_mine", anonymous=False))
    assert "nmv_usr_mine" not in info.value.message


def test_token_repr_never_shows_the_secret() -> None:
    assert "secret" not in repr(Token("nmv_usr_secret", anonymous=True))


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"\x00\xff garbage", "not UTF-8 text"),
        (b"two words\nand a line", "does not hold a valid id"),
    ],
    ids=["binary", "not-an-id"],
)
def test_a_garbled_shared_client_id_file_is_reported_and_kept(
    settings: Settings, content: bytes, words: str
) -> None:
    settings.client_id_file.parent.mkdir(parents=True)
    settings.client_id_file.write_bytes(content)
    with pytest.raises(ConfigError, match=words) as info:
        resolve_client_id(settings, new_id=lambda: "new-uuid")
    assert "delete it to get a new id, or set NEMO_CLIENT_ID" in info.value.message
    assert settings.client_id_file.read_bytes() == content  # the account link is not replaced


def test_an_unreadable_client_id_location_is_a_config_error(settings: Settings) -> None:
    settings.client_id_file.mkdir(parents=True)  # a folder where the file should be
    with pytest.raises(ConfigError, match="cannot read the client id file"):
        resolve_client_id(settings)


def test_a_blank_client_id_file_gets_a_new_id(settings: Settings) -> None:
    settings.client_id_file.parent.mkdir(parents=True)
    settings.client_id_file.write_text("  \n", encoding="utf-8")
    assert resolve_client_id(settings, new_id=lambda: "new-uuid") == "new-uuid"
