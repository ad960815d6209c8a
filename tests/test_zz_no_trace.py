"""Run last: the session leaves the user's cache as it was and no process behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import isolation


@pytest.mark.last
def test_the_session_used_its_own_folders(isolation_session: isolation.Session) -> None:
    from newslint.cachedir import cache_dir
    from newslint.warmpath import socket_path

    assert Path(cache_dir()).is_relative_to(isolation_session.root)
    assert Path(socket_path()).is_relative_to(isolation_session.root)


@pytest.mark.last
def test_no_process_the_suite_started_is_left_running(
    isolation_session: isolation.Session, session_folders: list[Path]
) -> None:
    """Every warm process and LanguageTool server stops when asked, as a user would ask."""
    assert isolation.stop_started(isolation_session, session_folders) == []
    assert isolation.started_processes(isolation_session) == []


@pytest.mark.last
def test_the_users_cache_is_untouched(isolation_session: isolation.Session) -> None:
    checkout = Path(__file__).resolve().parents[1]
    assert isolation.changes(isolation_session, checkout) == []
