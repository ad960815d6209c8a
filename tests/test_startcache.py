"""The start-up cache gives cold runs the very patterns and methods a compile would.

Each case runs in a fresh interpreter: the hooks are process-wide, and this
process has compiled its patterns long ago.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

# Compiles patterns and makes a dataclass with the hooks in place, then
# prints what a caller could observe of them, and what the cache did.
_PROBE = r"""
import json, sys
from newslint import startcache
startcache.install()
import collections, dataclasses, re

pattern = re.compile(r"(?P<who>\b[A-Z]\w+) (?i:said)(?: (?P<when>\w+day))?", re.M)
data = re.compile(rb"(a)(b)?")

@dataclasses.dataclass(frozen=True)
class Claim:
    who: str
    count: int = 0

Spot = collections.namedtuple("Spot", ["line", "column"], defaults=[1])

claim = Claim("Ana", 2)
try:
    claim.who = "Ben"
    frozen = False
except dataclasses.FrozenInstanceError:
    frozen = True
match = pattern.search("Then Ana said Friday")
print(json.dumps({
    "groups": pattern.groups, "groupindex": dict(pattern.groupindex),
    "flags": pattern.flags, "span": match.span("when"), "found": match.groupdict(),
    "bytes": repr(data.fullmatch(b"ab").groups()), "bytes_flags": data.flags,
    "repr": repr(claim), "equal": claim == Claim("Ana", 2), "frozen": frozen,
    "hash": hash(claim) == hash(Claim("Ana", 2)),
    "annotations": {k: str(v) for k, v in Claim.__init__.__annotations__.items()},
    "spot": repr(Spot(3)), "spot_new": Spot.__new__.__name__,
    "spot_defaults": Spot.__new__.__defaults__,
    "eval_here": getattr(collections, "eval", eval)("claim.who + str(claim.count)"),
    "new": startcache._state.new,
}))
startcache.save()
"""


def _probe(cache: Path, **extra: str) -> dict[str, object]:
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(cache), **extra}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, check=True
    )
    answer: dict[str, object] = json.loads(done.stdout)
    return answer


def _cache_file(cache: Path) -> Path:
    (found,) = cache.glob("startup-*.marshal")
    return found


def test_a_second_run_takes_everything_from_the_cache_and_sees_no_difference(
    tmp_path: Path,
) -> None:
    first = _probe(tmp_path)
    assert first.pop("new") != 0
    second = _probe(tmp_path)
    assert second.pop("new") == 0  # nothing compiled afresh
    assert second == first
    assert first["found"] == {"who": "Ana", "when": "Friday"}
    assert first["annotations"] == {
        "who": "<class 'str'>",
        "count": "<class 'int'>",
        "return": "None",
    }
    assert first["repr"] == "Claim(who='Ana', count=2)"
    assert first["frozen"] and first["equal"] and first["hash"]
    assert (first["spot"], first["spot_new"], first["spot_defaults"]) == (
        "Spot(line=3, column=1)",
        "__new__",
        [1],
    )
    assert first["eval_here"] == "Ana2"  # the hook evaluates in its caller's namespace


def test_turned_off_it_hooks_nothing_and_writes_no_file(tmp_path: Path) -> None:
    on = _probe(tmp_path / "on")
    off = _probe(tmp_path / "off", NEWSLINT_STARTCACHE="0")
    assert off.pop("new") == 0 and on.pop("new") != 0
    assert off == on  # the same patterns and dataclasses, compiled the ordinary way
    assert not list((tmp_path / "off").glob("startup-*.marshal"))


def test_the_file_is_private(tmp_path: Path) -> None:
    _probe(tmp_path)
    assert stat.S_IMODE(_cache_file(tmp_path).stat().st_mode) == 0o600


@pytest.mark.parametrize("spoil", ["others_may_write", "garbled", "truncated"])
def test_a_file_that_is_not_trustworthy_or_whole_is_compiled_afresh(
    tmp_path: Path, spoil: str
) -> None:
    first = _probe(tmp_path)
    first.pop("new")
    found = _cache_file(tmp_path)
    if spoil == "others_may_write":
        found.chmod(0o666)
    elif spoil == "garbled":
        found.write_bytes(b"\x00not marshal at all" * 50)
    else:
        found.write_bytes(found.read_bytes()[:4000])
    again = _probe(tmp_path)
    assert again.pop("new") != 0  # not read: compiled afresh
    assert again == first


def test_a_run_with_a_few_new_entries_leaves_a_fresh_file_alone(tmp_path: Path) -> None:
    """A pattern whose text changes every run (built from a set) must not cost a write a run."""
    _probe(tmp_path)
    found = _cache_file(tmp_path)
    written = found.read_bytes()
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(tmp_path)}
    script = (
        "from newslint import startcache; startcache.install(); import re, secrets; "
        "re.compile(secrets.token_hex(8)); startcache.save()"
    )
    subprocess.run([sys.executable, "-c", script], env=env, check=True)
    assert found.read_bytes() == written
    # An hour later the run's entry is kept.
    os.utime(found, (found.stat().st_atime, found.stat().st_mtime - 7200))
    subprocess.run([sys.executable, "-c", script], env=env, check=True)
    assert found.read_bytes() != written
