"""The package reader fuzzed with hypothesis, 2,000 cases per property: valid packages with bytes flipped, cut or
inserted; re-zipped with members changed, added, removed or renamed (hostile names among them), manifests
mutated and re-signed, random zips and random bytes; and JSON members of random text read with read_json.

The only outcomes allowed are a Package (whose every member then reads back) or PackageRefused, each within
5 s, the process's memory growing by less than 500 MB."""

from __future__ import annotations

import functools
import hashlib
import io
import json
import tempfile
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.io.exchange import signing
from desktop_app.io.exchange.package import (
    MANIFEST,
    SIGNATURE,
    PackageRefused,
    read_package,
    write_package,
)
from tests.memory import peak_growth_mb, reset_peak
from tests.test_package import KEY, base_manifest, zip_bytes
from tests.test_reader_fuzz import OPS, mutate, time_guard

EXAMPLES = 2000
TIME_LIMIT = 5.0
MEMORY_LIMIT_MB = 500
HOSTILE_NAMES = ["../evil", "/etc/passwd", "C:/Windows/x", "C:x", "a\\b", "records/", "a//b", "./a", "",
                 "records/items.json", MANIFEST, SIGNATURE, "a\x01b", "x" * 300, "evidence/" + "0" * 64, "é/ñ",
                 "records/../manifest.json", "\u202etxt.exe", "CON", "a:b"]
name_strategy = st.one_of(st.sampled_from(HOSTILE_NAMES), st.text(min_size=0, max_size=20))
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=10),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12)


@functools.cache
def seed() -> bytes:
    """A valid package with records and an evidence file."""
    with tempfile.TemporaryDirectory() as tmp:
        evidence = Path(tmp) / "ev.pdf"
        evidence.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
        path = Path(tmp) / "seed.cdsx"
        items = json.dumps({"columns": ["uuid", "title"], "rows": [["a", "Tỷ lệ hồ sơ"], ["b", "Đạt 70%"]]},
                           ensure_ascii=False).encode("utf-8")
        write_package(path, manifest=base_manifest(), private_key=KEY,
                      members={"records/items.json": items, "records/tombstones.json": b'{"rows": []}',
                               "evidence/" + "ab" * 32: evidence})
        return path.read_bytes()


@functools.cache
def seed_members() -> tuple[tuple[str, bytes], ...]:
    with zipfile.ZipFile(io.BytesIO(seed())) as zf:
        return tuple((name, zf.read(name)) for name in zf.namelist())


def _set_path(manifest: dict[str, Any], path: list[str], value: Any) -> None:
    node: Any = manifest
    for key in path[:-1]:
        if not isinstance(node, dict) or not isinstance(node.get(key), dict):
            return
        node = node[key]
    if isinstance(node, dict):
        node[path[-1]] = value


MANIFEST_PATHS = [["format"], ["format_version"], ["installation"], ["installation", "id"],
                  ["installation", "name"], ["installation", "public_key"], ["created_at"], ["members"],
                  ["members", "records/items.json"], ["members", "records/items.json", "size"],
                  ["members", "records/items.json", "sha256"], ["members", "../evil"], ["counts"]]


@st.composite
def rezipped(draw: st.DrawFn) -> bytes:
    """The seed's members re-zipped with some changed, added, removed, renamed; the manifest sometimes
    mutated as JSON and re-signed (so the checks after the signature are reached)."""
    members = [list(m) for m in seed_members()]
    for _ in range(draw(st.integers(0, 3))):
        action = draw(st.sampled_from(["change", "add", "remove", "rename", "manifest", "duplicate"]))
        index = draw(st.integers(0, len(members) - 1)) if members else 0
        if action == "change" and members:
            members[index][1] = mutate(members[index][1], draw(OPS))
        elif action == "add":
            members.append([draw(name_strategy), draw(st.binary(max_size=64))])
        elif action == "remove" and members:
            members.pop(index)
        elif action == "rename" and members:
            members[index][0] = draw(name_strategy)
        elif action == "duplicate" and members:
            members.append(list(members[index]))
        elif action == "manifest":
            found = [m for m in members if m[0] == MANIFEST]
            if found:
                manifest = json.loads(seed_members()[0][1])
                _set_path(manifest, draw(st.sampled_from(MANIFEST_PATHS)), draw(json_values))
                found[0][1] = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
                for m in members:
                    if m[0] == SIGNATURE:
                        m[1] = signing.sign(KEY, found[0][1])
    safe = [(name.replace("\x00", "\x01"), content) for name, content in members]
    compression = draw(st.sampled_from([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED]))
    return zip_bytes(safe, compression)  # type: ignore[arg-type]


random_zips = st.lists(st.tuples(name_strategy, st.binary(max_size=100)), max_size=6).map(
    lambda entries: zip_bytes([(n.replace("\x00", "\x01"), c) for n, c in entries]))
packages = st.one_of(st.builds(lambda ops: mutate(seed(), ops), OPS), rezipped(), random_zips,
                     st.binary(max_size=400))


class Harness:
    def __init__(self, folder: Path) -> None:
        self.path = folder / "dot_bien.cdsx"
        self.outcomes: Counter[str] = Counter()
        self.start_rss = reset_peak()

    def case(self, data: bytes) -> None:
        self.path.write_bytes(data)
        try:
            with time_guard(TIME_LIMIT):
                package = read_package(self.path)
                for name in package.members:
                    if name.endswith(".json"):
                        package.read_json(name)
                    else:
                        assert len(package.read(name)) == package.size_of(name)
        except PackageRefused as err:
            assert err.message and err.file == self.path.name
            self.outcomes["refused"] += 1
        else:
            self.outcomes["read"] += 1

    def check_memory(self) -> None:
        used = peak_growth_mb(self.start_rss)
        assert used < MEMORY_LIMIT_MB, f"the cases used {used:.0f} MB"


SETTINGS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.slow  # 2,000 cases: -m "not slow" leaves it out
def test_the_package_reader_gives_a_package_or_its_own_refusal(tmp_path: Path) -> None:
    seed()
    harness = Harness(tmp_path)

    @SETTINGS
    @given(packages)
    def prop(data: bytes) -> None:
        harness.case(data)

    prop()
    harness.check_memory()
    assert sum(harness.outcomes.values()) >= EXAMPLES
    assert harness.outcomes["refused"] > EXAMPLES // 2 and harness.outcomes["read"] > 0, harness.outcomes


json_texts = st.one_of(
    json_values.map(lambda v: json.dumps(v, ensure_ascii=False).encode("utf-8")),
    st.builds(lambda ops: mutate(b'{"columns": ["uuid"], "rows": [["a", 1.5, null, true, "\\u00e9"]]}', ops), OPS),
    st.sampled_from([b"NaN", b"[Infinity]", b"[" * 70 + b"]" * 70, b"[" * 3000, b"1e400", b"9" * 5000,
                     b'{"a":1,"a":2}', b"\xef\xbb\xbf{}", b'"\\ud800"', b"", b" "]),
    st.binary(max_size=64),
)


@pytest.mark.slow  # 2,000 cases
def test_read_json_gives_a_value_or_its_own_refusal(tmp_path: Path) -> None:
    harness = Harness(tmp_path)
    key_members = dict(seed_members())

    @SETTINGS
    @given(json_texts)
    def prop(text: bytes) -> None:
        members = {"records/items.json": text}
        manifest = {**json.loads(key_members[MANIFEST]),
                    "members": {"records/items.json": {"size": len(text),
                                                       "sha256": hashlib.sha256(text).hexdigest()}}}
        manifest_data = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
        harness.case(zip_bytes([(MANIFEST, manifest_data), (SIGNATURE, signing.sign(KEY, manifest_data)),
                                *members.items()]))

    prop()
    harness.check_memory()
    assert harness.outcomes["refused"] > 0 and harness.outcomes["read"] > 0, harness.outcomes
