"""Settings from the environment, with helpful errors."""
from __future__ import annotations

import pytest

from webapp.settings import Settings, SettingsError


def test_defaults_use_shipped_data_and_filesystem_cache():
    s = Settings.from_env({})
    assert s.cache_type == "filesystem" and s.workers == 2 and s.port == 8050
    assert (s.data_dir / "gcm_indicator_map.csv").is_file()


def test_redis_url_selects_redis():
    assert Settings.from_env({"GCM_REDIS_URL": "redis://127.0.0.1:6390/0"}).cache_type == "redis"


@pytest.mark.parametrize("env, fragment", [
    ({"GCM_PORT": "eighty"}, "GCM_PORT='eighty' is not a whole number"),
    ({"GCM_PORT": "70000"}, "GCM_PORT=70000 is out of range"),
    ({"GCM_WORKERS": "0"}, "GCM_WORKERS=0 is out of range"),
    ({"GCM_CACHE_TYPE": "memcached"}, "GCM_CACHE_TYPE='memcached' is not one of"),
    ({"GCM_CACHE_TYPE": "redis"}, "needs GCM_REDIS_URL"),
    ({"GCM_DATA_DIR": "/nonexistent/folder"}, "GCM_DATA_DIR=/nonexistent/folder is not a folder"),
    ({"GCM_EXTRA_DATA": "/nonexistent.csv"}, "GCM_EXTRA_DATA names /nonexistent.csv"),
    ({"GCM_RELOAD_SECONDS": "soon"}, "GCM_RELOAD_SECONDS='soon' is not a number"),
    ({"GCM_CACHE_MAX_MB": "0"}, "GCM_CACHE_MAX_MB=0 is out of range"),
    ({"GCM_CACHE_MAX_MB": "1.5"}, "GCM_CACHE_MAX_MB='1.5' is not a whole number"),
    ({"GCM_CACHE_RETRY_SECONDS": "never"}, "GCM_CACHE_RETRY_SECONDS='never' is not a number"),
])
def test_bad_values_get_precise_messages(env, fragment):
    with pytest.raises(SettingsError) as err:
        Settings.from_env(env)
    assert fragment in str(err.value)


def test_readme_configuration_table_is_the_generated_one():
    from pathlib import Path

    from webapp.settings import SETTINGS, markdown_table
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    start = readme.index("<!-- settings-table")
    block = readme[readme.index("\n", start) + 1:readme.index("<!-- /settings-table -->")].strip()
    assert block == markdown_table()
    assert all(f"`{s.env}`" in block for s in SETTINGS)


def test_every_setting_fills_a_settings_field_with_its_default():
    from dataclasses import fields

    from webapp.settings import SETTINGS
    defaults = {f.name: f.default for f in fields(Settings)}
    assert {s.attr: s.default for s in SETTINGS} == {k: v for k, v in defaults.items() if k != "extra"}


def test_cache_bound_retry_and_accepted_folder_are_read():
    s = Settings.from_env({"GCM_CACHE_MAX_MB": "64", "GCM_CACHE_RETRY_SECONDS": "2.5",
                           "GCM_ACCEPTED_DIR": "/srv/gcm/accepted"})
    assert (s.cache_max_mb, s.cache_retry_seconds, str(s.accepted_dir)) == (64, 2.5, "/srv/gcm/accepted")
    assert Settings.from_env({}).cache_max_mb == 256


def test_access_log_switch():
    assert Settings.from_env({}).access_log is False
    assert Settings.from_env({"GCM_ACCESS_LOG": "1"}).access_log is True
    assert Settings.from_env({"GCM_ACCESS_LOG": "0"}).access_log is False
    with pytest.raises(SettingsError, match="GCM_ACCESS_LOG='maybe' is not a switch; expected 1"):
        Settings.from_env({"GCM_ACCESS_LOG": "maybe"})
