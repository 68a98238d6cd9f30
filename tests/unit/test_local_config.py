"""The embedded backend's configuration: no simulated thinking time unless asked for."""

from __future__ import annotations

from agent.config import Settings
from agent.local.config import CLOUD_PROFILE, BackendConfig


def test_the_embedded_backend_simulates_no_thinking_time(settings: Settings) -> None:
    config = BackendConfig.from_settings(settings)
    assert (config.work_generate_s, config.work_edit_s) == (0.0, 0.0)


def test_a_slow_backend_is_still_a_setting_and_the_cloud_profile_uses_it(
    settings: Settings,
) -> None:
    config = BackendConfig.from_settings(settings)
    assert config.with_overrides(work_generate_s=2.5).work_generate_s == 2.5
    cloud = config.with_profile("cloud")
    expected = (CLOUD_PROFILE["work_generate_s"], CLOUD_PROFILE["work_edit_s"])
    assert (cloud.work_generate_s, cloud.work_edit_s) == expected == (1.0, 0.2)
