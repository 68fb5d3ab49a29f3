"""XML attacks in any part: entities are never expanded, nothing is read or fetched."""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from resolint.errors import InputError
from resolint.ooxml.package import parse_xml

from . import corpus as c

#: Parts the loader parses: an attack there is refused with exit 2.
PARSED = ("_rels/.rels", "word/_rels/document.xml.rels", c.MAIN_DOC, "word/styles.xml", "word/numbering.xml",
          "word/settings.xml", "word/footnotes.xml", "word/_rels/footnotes.xml.rels")
#: Parts the loader never reads: the draft is checked as if nothing were there.
UNREAD = ("[Content_Types].xml", "docProps/core.xml")
SECRET = "SECRET-MARKER-7f3a"


class Listener:
    """A local TCP port that records every connection (nothing may ever connect)."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.connections = 0
        self._stop = False
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop:
            try:
                conn, _addr = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self._stop = True
        self._thread.join(timeout=2)
        self.sock.close()


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    srv = Listener()
    yield srv
    srv.close()


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET)
    return path


def _assert_nothing_leaked(out: c.Outcome, listener: Listener) -> None:
    assert SECRET not in out.stdout + out.stderr
    assert "lollol" not in out.stdout
    time.sleep(0.05)
    assert listener.connections == 0


@pytest.mark.parametrize("part_name", PARSED)
@pytest.mark.parametrize("kind", c.ATTACKS)
def test_attack_in_a_parsed_part_is_refused(tmp_path: Path, listener: Listener, secret: Path,
                                            part_name: str, kind: str) -> None:
    path = c.make_xml_attack(tmp_path, part_name, kind, listener.url, secret.as_uri())
    start = time.perf_counter()
    out = c.run_main("check", path)
    assert time.perf_counter() - start < 5
    line = c.assert_refused(out, part_name)
    assert "DOCTYPE" in line
    _assert_nothing_leaked(out, listener)


@pytest.mark.parametrize("part_name", UNREAD)
@pytest.mark.parametrize("kind", c.ATTACKS)
def test_attack_in_a_part_never_read_is_harmless(tmp_path: Path, listener: Listener, secret: Path,
                                                 part_name: str, kind: str) -> None:
    path = c.make_xml_attack(tmp_path, part_name, kind, listener.url, secret.as_uri())
    out = c.run_main("check", path)
    c.assert_processed(out)
    _assert_nothing_leaked(out, listener)


@pytest.mark.parametrize("how", [{"pad": 5000}, {"encoding": "utf-16"}], ids=["after-5kb-comment", "utf-16"])
@pytest.mark.parametrize("kind", c.ATTACKS)
def test_attack_hidden_from_a_quick_look_is_refused(tmp_path: Path, listener: Listener, secret: Path,
                                                    kind: str, how: dict[str, object]) -> None:
    """A DOCTYPE past the first 4 KB, or in UTF-16, is still found by the parser's own account."""
    path = c.make_xml_attack(tmp_path, c.MAIN_DOC, kind, listener.url, secret.as_uri(), **how)
    out = c.run_main("check", path)
    c.assert_refused(out, "document.xml")
    _assert_nothing_leaked(out, listener)


def test_attacks_through_the_real_cli(tmp_path: Path, listener: Listener, secret: Path) -> None:
    paths = [c.make_xml_attack(tmp_path, c.MAIN_DOC, kind, listener.url, secret.as_uri()) for kind in c.ATTACKS]
    out = c.run_cli("check", *paths)
    assert out.code == 2 and "Traceback" not in out.stderr
    errors = [line for line in out.error_lines if line.startswith("resolint: error:")]
    assert len(errors) == len(paths)
    _assert_nothing_leaked(out, listener)


def test_xinclude_is_not_processed(tmp_path: Path, listener: Listener, secret: Path) -> None:
    out = c.run_main("check", c.make_xinclude(tmp_path, secret.as_uri()), "--format", "json")
    c.assert_processed(out)
    _assert_nothing_leaked(out, listener)


@pytest.mark.parametrize("kind", c.ATTACKS)
def test_parse_xml_never_resolves(listener: Listener, secret: Path, kind: str) -> None:
    xml = (f'<w:document xmlns:w="{c.W_NS}"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>')
    for how in ({}, {"pad": 5000}, {"encoding": "utf-16"}):
        data = c.inject_attack(xml.encode(), kind, listener.url, secret.as_uri(), **how)  # type: ignore[arg-type]
        with pytest.raises(InputError, match="DOCTYPE|malformed"):
            parse_xml(data, "x.xml")
    assert listener.connections == 0


def test_billion_laughs_does_not_expand_in_memory() -> None:
    """Even a document the quick check misses is refused without expanding the entities."""
    import tracemalloc

    xml = f'<w:document xmlns:w="{c.W_NS}"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>'
    data = c.inject_attack(xml.encode(), "billion-laughs", "http://127.0.0.1:9", "file:///nonexistent", pad=5000)
    tracemalloc.start()
    try:
        with pytest.raises(InputError):
            parse_xml(data, "x.xml")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5 * 1024 * 1024
