"""Settings.from_env: every variable, its default, its validation (agent.config)."""

from __future__ import annotations

from pathlib import Path

import platformdirs
import pytest

from agent.config import DEFAULT_API_URL, DEFAULT_WEB_URL, Settings
from agent.errors import ConfigError

TOKEN = "nmv_usr_FAKE_cfg_tok"


def test_defaults_with_only_home_variables(env: dict[str, str], isolated_home: Path) -> None:
    root = isolated_home / ".nemo-agent"
    assert Settings.from_env(env) == Settings(
        api_url=DEFAULT_API_URL,
        web_url=DEFAULT_WEB_URL,
        config_dir=root / "config",
        state_dir=root / "state",
        cache_dir=root / "cache",
        client_id_file=isolated_home / ".config" / "nemovideo" / "client_id",
        user_home=isolated_home,
    )
    assert DEFAULT_API_URL == "https://mega-api-prod.nemovideo.ai"
    assert DEFAULT_WEB_URL == "https://nemovideo.com"


def test_every_variable_is_read(env: dict[str, str], tmp_path: Path) -> None:
    settings = Settings.from_env(
        {
            **env,
            "NEMO_API_URL": "http://127.0.0.1:8765/",
            "NEMO_WEB_URL": " https://web.example ",
            "NEMO_TOKEN": f" {TOKEN} ",
            "NEMO_CLIENT_ID": " client-1 ",
            "SKILL_SOURCE": "ClawHub",
            "NEMO_SKILL_FILE": str(tmp_path / "SKILL.md"),
            "NEMO_BACKEND": " LOCAL ",
            "ANTHROPIC_API_KEY": "sk-ant-test",
            "NEMO_ROUTER_MODEL": "claude-other",
            "NEMO_UPLOAD_MAX_BYTES": "1024",
            "NEMO_OUTPUT_DIR": str(tmp_path / "out"),
            "NEMO_AUTO_EXPORT": "off",
            "NEMO_FAULTS": "render:fail",
        }
    )
    assert (settings.api_url, settings.web_url) == ("http://127.0.0.1:8765", "https://web.example")
    assert (settings.token, settings.client_id, settings.skill_source) == (
        TOKEN,
        "client-1",
        "ClawHub",
    )
    assert (settings.skill_file, settings.output_dir) == (tmp_path / "SKILL.md", tmp_path / "out")
    assert (settings.backend, settings.anthropic_api_key, settings.router_model) == (
        "local",
        "sk-ant-test",
        "claude-other",
    )
    assert (settings.upload_max_bytes, settings.auto_export, settings.faults) == (
        1024,
        False,
        "render:fail",
    )


def test_openclaw_variables_are_read(env: dict[str, str], isolated_home: Path) -> None:
    settings = Settings.from_env({**env, "OPENCLAW_STATE_DIR": "~/oc", "OPENCLAW_SHELL": "exec"})
    assert (settings.openclaw_state_dir, settings.openclaw_shell) == (isolated_home / "oc", True)
    assert (Settings.from_env(env).openclaw_state_dir, Settings.from_env(env).openclaw_shell) == (
        None,
        False,
    )


@pytest.mark.parametrize(
    "key",
    [
        "NEMO_API_URL",
        "NEMO_WEB_URL",
        "NEMO_TOKEN",
        "NEMO_CLIENT_ID",
        "SKILL_SOURCE",
        "NEMO_SKILL_FILE",
        "NEMO_BACKEND",
        "ANTHROPIC_API_KEY",
        "NEMO_ROUTER_MODEL",
        "NEMO_UPLOAD_MAX_BYTES",
        "NEMO_OUTPUT_DIR",
        "NEMO_AUTO_EXPORT",
        "NEMO_FAULTS",
    ],
)
def test_an_empty_variable_means_the_default(env: dict[str, str], key: str) -> None:
    assert Settings.from_env({**env, key: ""}) == Settings.from_env(env)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1", True), ("true", True), ("YES", True), (" on ", True), ("0", False), ("False", False),
     ("no", False), ("off", False)],
)  # fmt: skip
def test_auto_export_accepts_the_usual_boolean_spellings(
    env: dict[str, str], raw: str, expected: bool
) -> None:
    assert Settings.from_env({**env, "NEMO_AUTO_EXPORT": raw}).auto_export is expected


@pytest.mark.parametrize(
    ("key", "raw", "problem"),
    [
        ("NEMO_API_URL", "ftp://files.example", "http(s) URL"),
        ("NEMO_API_URL", "mega-api-prod.nemovideo.ai", "http(s) URL"),
        ("NEMO_WEB_URL", "nemovideo.com", "http(s) URL"),
        ("NEMO_BACKEND", "hybrid", "'cloud' or 'local'"),
        ("NEMO_UPLOAD_MAX_BYTES", "200MB", "whole number"),
        ("NEMO_UPLOAD_MAX_BYTES", "0", "positive"),
        ("NEMO_UPLOAD_MAX_BYTES", "-5", "positive"),
        ("NEMO_AUTO_EXPORT", "maybe", "true or false"),
    ],
)
def test_bad_values_are_config_errors_naming_the_variable(
    env: dict[str, str], key: str, raw: str, problem: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        Settings.from_env({**env, key: raw})
    assert key in caught.value.message
    assert problem in caught.value.message


def test_a_url_without_a_host_is_rejected(env: dict[str, str]) -> None:
    with pytest.raises(ConfigError):
        Settings.from_env({**env, "NEMO_API_URL": "https://"})


def test_nemo_agent_home_puts_config_state_and_cache_under_one_directory(
    env: dict[str, str], tmp_path: Path
) -> None:
    settings = Settings.from_env({**env, "NEMO_AGENT_HOME": str(tmp_path / "agent-home")})
    assert (settings.config_dir, settings.state_dir, settings.cache_dir) == (
        tmp_path / "agent-home" / "config",
        tmp_path / "agent-home" / "state",
        tmp_path / "agent-home" / "cache",
    )


@pytest.mark.parametrize("agent_home", [None, "", "   "])
def test_without_nemo_agent_home_the_platform_directories_are_used(
    env: dict[str, str], agent_home: str | None
) -> None:
    mapping = {k: v for k, v in env.items() if k != "NEMO_AGENT_HOME"}
    if agent_home is not None:
        mapping["NEMO_AGENT_HOME"] = agent_home
    settings = Settings.from_env(mapping)
    assert (settings.config_dir, settings.state_dir, settings.cache_dir) == (
        Path(platformdirs.user_config_dir("nemo-agent")),
        Path(platformdirs.user_state_dir("nemo-agent")),
        Path(platformdirs.user_cache_dir("nemo-agent")),
    )


def test_client_id_file_is_shared_with_the_other_skills_under_home(tmp_path: Path) -> None:
    settings = Settings.from_env({"HOME": str(tmp_path / "someone")})
    assert settings.client_id_file == tmp_path / "someone" / ".config" / "nemovideo" / "client_id"


def test_tilde_paths_expand_with_the_home_of_the_given_mapping(tmp_path: Path) -> None:
    home = tmp_path / "mapping-home"
    settings = Settings.from_env(
        {"HOME": str(home), "NEMO_AGENT_HOME": "~/agent", "NEMO_OUTPUT_DIR": "~/out"}
    )
    assert (settings.config_dir, settings.output_dir) == (home / "agent" / "config", home / "out")


def test_from_env_without_a_mapping_reads_the_process_environment(
    monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> None:
    monkeypatch.setenv("NEMO_BACKEND", "local")
    monkeypatch.setenv("NEMO_CLIENT_ID", "from-process")
    settings = Settings.from_env()
    assert (settings.backend, settings.client_id) == ("local", "from-process")
    assert settings.config_dir == isolated_home / ".nemo-agent" / "config"


def test_secrets_never_appear_in_repr(env: dict[str, str]) -> None:
    settings = Settings.from_env({**env, "NEMO_TOKEN": TOKEN, "ANTHROPIC_API_KEY": "sk-ant-xyz"})
    assert TOKEN not in repr(settings)
    assert "nmv_usr_" not in repr(settings)
    assert "sk-ant-xyz" not in repr(settings)
    assert settings.token == TOKEN


def test_with_overrides_puts_flags_on_top_and_leaves_the_original(env: dict[str, str]) -> None:
    settings = Settings.from_env({**env, "NEMO_BACKEND": "cloud"})
    local = settings.with_overrides(backend="local", skill_file=Path("other/SKILL.md"))
    assert (local.backend, local.skill_file) == ("local", Path("other/SKILL.md"))
    assert (settings.backend, settings.skill_file) == ("cloud", None)
    assert local.api_url == settings.api_url


def test_settings_are_frozen(settings: Settings) -> None:
    with pytest.raises(AttributeError):
        settings.api_url = "http://elsewhere"  # type: ignore[misc]


def test_store_scope_is_the_api_url_in_cloud_mode_and_the_data_location_in_local_mode(
    env: dict[str, str],
) -> None:
    cloud = Settings.from_env({**env, "NEMO_API_URL": "http://127.0.0.1:8765"})
    local = Settings.from_env({**env, "NEMO_BACKEND": "local"})
    moved = local.with_overrides(api_url="http://127.0.0.1:40123")
    assert cloud.store_scope == "http://127.0.0.1:8765"
    assert local.store_scope == f"local:{local.state_dir}"
    assert moved.store_scope == local.store_scope
