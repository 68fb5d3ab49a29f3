"""The library of adopted paragraphs: one SQLite file, no server, added to incrementally.

Tables: ``meta`` (format and parameters), ``resolution`` (symbol, organ, date, language,
source file), ``text`` (each distinct paragraph once: its normalised tokens, the words as
first seen, a 63-bit hash of the tokens), ``para`` (a paragraph of a resolution: its label
and text) and ``band`` (the band keys of :mod:`.signature`, an inverted index from key to
text). Tracing looks paragraphs up by hash (agreed language) and by band key (close
language), so it reads a few index pages, never the whole library.

Adding a resolution whose symbol is already in the library in the same language replaces
its paragraphs and nothing else, in one transaction. A new library is built in a temporary file in the target
folder and renamed into place when complete, so a build stopped half-way leaves nothing.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..atomic import _TEMPS
from ..errors import InputError
from . import signature
from .source import Adopted
from .text import key as text_key, tokens as text_tokens

FORMAT = "resolint-library"
VERSION = "3"
#: Rows read per band key at most: a band shared by thousands of paragraphs (boilerplate) says little.
POSTING_LIMIT = 256

_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE resolution (id INTEGER PRIMARY KEY, symbol TEXT NOT NULL, organ TEXT, date TEXT,
                         language TEXT NOT NULL, source TEXT, UNIQUE (symbol, language));
CREATE TABLE text (id INTEGER PRIMARY KEY, hash INTEGER NOT NULL UNIQUE, tokens TEXT NOT NULL, shown TEXT NOT NULL);
CREATE TABLE para (id INTEGER PRIMARY KEY, resolution INTEGER NOT NULL, position INTEGER NOT NULL,
                   label TEXT NOT NULL, text INTEGER NOT NULL, date TEXT NOT NULL);
CREATE INDEX para_text ON para(text, date);
CREATE INDEX para_resolution ON para(resolution);
CREATE TABLE band (key INTEGER NOT NULL, text INTEGER NOT NULL, PRIMARY KEY (key, text)) WITHOUT ROWID;
"""


def text_hash(key: str) -> int:
    """A signed 64-bit hash of a paragraph's normalised text (its identity in the library)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


@dataclass(frozen=True)
class Occurrence:
    """A paragraph of an adopted resolution."""

    symbol: str
    label: str
    date: str | None
    organ: str | None


@dataclass(frozen=True)
class Stored:
    """A distinct paragraph text of the library."""

    id: int
    tokens: list[str]
    shown: str


class Library:
    """An open library (see the module's documentation)."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, *, readonly: bool = False) -> "Library":
        """Open an existing library for adding to it (for reading only with ``readonly``: a
        library on a read-only share can be traced against); one-line errors otherwise."""
        path = Path(path)
        if not path.is_file():
            raise InputError(f"{path}: no such library (build one with 'resolint index DIR -o {path}')")
        try:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode={'ro' if readonly else 'rw'}", uri=True)
            rows = dict(conn.execute("SELECT name, value FROM meta").fetchall())
        except sqlite3.DatabaseError:
            raise InputError(f"{path}: not a resolint library") from None
        if rows.get("format") != FORMAT:
            conn.close()
            raise InputError(f"{path}: not a resolint library")
        if rows.get("version") != VERSION or rows.get("bins") != str(signature.BINS) \
                or rows.get("rows") != str(signature.ROWS):
            conn.close()
            raise InputError(f"{path}: library of another version ({rows.get('version')}); rebuild it with 'resolint index'")
        return cls(conn, path)

    @classmethod
    @contextlib.contextmanager
    def build(cls, path: str | Path) -> Iterator["Library"]:
        """A new library written to a temporary file and renamed to ``path`` when complete."""
        path = Path(path)
        folder = path.parent if str(path.parent) else Path(".")
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
        os.close(fd)
        _TEMPS.add(tmp)  # removed if the process is ended by a signal (resolint.atomic)
        conn = None
        try:
            conn = sqlite3.connect(tmp)
            conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-400000;")
            conn.executescript(_SCHEMA)
            conn.executemany("INSERT INTO meta VALUES (?, ?)", [
                ("format", FORMAT), ("version", VERSION), ("bins", str(signature.BINS)), ("rows", str(signature.ROWS))])
            lib = cls(conn, Path(tmp))
            yield lib
            conn.commit()
            conn.execute("PRAGMA journal_mode=DELETE")
            conn.close()
            conn = None
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)  # as an ordinary new file, not mkstemp's 0600
            os.replace(tmp, path)
        finally:
            if conn is not None:
                conn.close()
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            _TEMPS.discard(tmp)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Library":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------
    def add(self, res: Adopted) -> None:
        """Add ``res``, replacing the paragraphs of a resolution with the same symbol and language
        (the English and French texts of one resolution are two entries)."""
        db = self.conn
        row = db.execute("SELECT id FROM resolution WHERE symbol = ? AND language = ?",
                         (res.symbol, res.language)).fetchone()
        if row is not None:
            self._remove(row[0])
        cur = db.execute("INSERT INTO resolution (symbol, organ, date, language, source) VALUES (?, ?, ?, ?, ?)",
                         (res.symbol, res.organ, res.date, res.language, res.source))
        rid = cur.lastrowid
        rows = []
        for position, (label, shown) in enumerate(res.paragraphs):
            toks = text_tokens(shown)
            if not toks:
                continue
            rows.append((rid, position, label, self._text_id(toks, shown), res.date or ""))
        db.executemany("INSERT INTO para (resolution, position, label, text, date) VALUES (?, ?, ?, ?, ?)", rows)

    def _text_id(self, toks: list[str], shown: str) -> int:
        key = text_key(toks)
        h = text_hash(key)
        row = self.conn.execute("SELECT id FROM text WHERE hash = ?", (h,)).fetchone()
        if row is not None:
            return int(row[0])
        tid = int(self.conn.execute("INSERT INTO text (hash, tokens, shown) VALUES (?, ?, ?)",
                                    (h, key, " ".join(shown.split()))).lastrowid or 0)
        self.conn.executemany("INSERT OR IGNORE INTO band (key, text) VALUES (?, ?)",
                              [(k, tid) for k in signature.band_keys(toks)])
        return tid

    def _remove(self, rid: int) -> None:
        db = self.conn
        tids = {t for (t,) in db.execute("SELECT text FROM para WHERE resolution = ?", (rid,))}
        db.execute("DELETE FROM para WHERE resolution = ?", (rid,))
        db.execute("DELETE FROM resolution WHERE id = ?", (rid,))
        for tid in tids:
            if db.execute("SELECT 1 FROM para WHERE text = ? LIMIT 1", (tid,)).fetchone() is None:
                toks = db.execute("SELECT tokens FROM text WHERE id = ?", (tid,)).fetchone()[0].split(" ")
                db.executemany("DELETE FROM band WHERE key = ? AND text = ?",
                               [(k, tid) for k in signature.band_keys(toks)])
                db.execute("DELETE FROM text WHERE id = ?", (tid,))

    def add_all(self, records: Iterable[Adopted]) -> int:
        """Add every record in one transaction (all or nothing); how many were added."""
        n = 0
        with self.conn:
            for res in records:
                self.add(res)
                n += 1
        return n

    # -- reading -------------------------------------------------------------------------
    def exact(self, toks: list[str]) -> int | None:
        """The id of the text with exactly these tokens, if the library holds it."""
        row = self.conn.execute("SELECT id FROM text WHERE hash = ?", (text_hash(text_key(toks)),)).fetchone()
        return int(row[0]) if row else None

    def candidates(self, toks: list[str], limit: int) -> list[int]:
        """Ids of texts sharing the most band keys with ``toks`` (at most ``limit``), most first."""
        keys = signature.band_keys(toks)
        if not keys:
            return []
        one = "SELECT text FROM (SELECT text FROM band WHERE key = ? LIMIT ?)"
        sql = (f"SELECT text FROM ({' UNION ALL '.join([one] * len(keys))}) "
               "GROUP BY text ORDER BY COUNT(*) DESC, text LIMIT ?")
        args: list[int] = []
        for k in keys:
            args += [k, POSTING_LIMIT]
        return [tid for (tid,) in self.conn.execute(sql, [*args, limit])]

    def texts(self, ids: list[int]) -> list[Stored]:
        """The stored texts with these ids (in the order asked)."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        found = {r[0]: Stored(r[0], r[1].split(" "), r[2])
                 for r in self.conn.execute(f"SELECT id, tokens, shown FROM text WHERE id IN ({marks})", ids)}
        return [found[i] for i in ids if i in found]

    def occurrences(self, tid: int, limit: int | None = None, *, oldest_first: bool = False) -> list[Occurrence]:
        """Where a text stands in the library, newest resolution first (read in the order of
        the index on text and date: the first few of a text adopted thousands of times cost
        no more than those of a text adopted once)."""
        order = "ASC" if oldest_first else "DESC"
        sql = ("SELECT r.symbol, p.label, r.date, r.organ FROM para p JOIN resolution r ON r.id = p.resolution "
               f"WHERE p.text = ? ORDER BY p.date {order}, p.id {order}")
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [Occurrence(*row) for row in self.conn.execute(sql, (tid,))]

    def count(self, tid: int) -> int:
        """How many paragraphs of the library have this text."""
        return int(self.conn.execute("SELECT COUNT(*) FROM para WHERE text = ?", (tid,)).fetchone()[0])

    def stats(self) -> dict[str, int]:
        """How many resolutions, paragraphs and distinct texts the library holds."""
        one = self.conn.execute
        return {"resolutions": one("SELECT COUNT(*) FROM resolution").fetchone()[0],
                "paragraphs": one("SELECT COUNT(*) FROM para").fetchone()[0],
                "texts": one("SELECT COUNT(*) FROM text").fetchone()[0]}


def build_or_update(path: str | Path, records: Iterable[Adopted]) -> tuple[int, bool]:
    """Add ``records`` to the library at ``path`` (built anew when it does not exist);
    how many resolutions were added, and whether the library was new."""
    path = Path(path)
    if path.exists():
        with Library.open(path) as lib:
            return lib.add_all(records), False
    with Library.build(path) as lib:
        n = 0
        for res in records:
            lib.add(res)
            n += 1
    return n, True
