"""UNO worker run by the system Python (which has ``uno``): one soffice, many requests.

Started by ``tests/support/libreoffice.py`` as::

    /usr/bin/python3 lo_uno.py --soffice /usr/bin/soffice --profile /tmp/lo-profile-xyz

It starts ``soffice --headless --invisible --norestore --accept=pipe,...`` with its own
user profile, then reads one JSON request per line on stdin and writes one JSON answer
per line on stdout:

- ``{"op": "texts", "path": P, "mode": "none"|"accept"|"reject"}`` ->
  ``{"loaded": bool, "body": [...], "footnotes": [...], "redlines": n, "tables": [...],
  "props": [...], "links": [(text, url)...], "images": n, "error": str}``: ``tables`` lists
  every table (nested ones after their cell's text) as rows of cell texts; ``props`` gives
  each paragraph outside tables as ``[ParaAdjust, ParaStyleName, ParaLeftMargin,
  ParaRightMargin, ParaFirstLineIndent]``; ``links`` and ``images`` are the body's
  hyperlinks and pictures
- ``{"op": "compare", "old": P, "new": Q, "out": R}`` -> ``{"seconds": s, "redlines": n}``:
  LibreOffice's own comparison (Edit > Track Changes > Compare Document) of NEW against OLD,
  timed from the dispatch to its return (the documents are already loaded; soffice start
  excluded); with ``out``, the compared document is saved there as .docx
- ``{"op": "quit"}``
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time

import uno  # noqa: F401  (system Python only)
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


class Office:
    def __init__(self, soffice: str, profile: str):
        self.pipe = "resolint_" + str(os.getpid())
        self.proc = subprocess.Popen(
            [soffice, "--headless", "--invisible", "--norestore", "--nologo",
             "--nolockcheck", f"-env:UserInstallation={uno.systemPathToFileUrl(profile)}",
             f"--accept=pipe,name={self.pipe};urp;StarOffice.ComponentContext"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.time() + 90
        while True:
            try:
                self.ctx = resolver.resolve(f"uno:pipe,name={self.pipe};urp;StarOffice.ComponentContext")
                break
            except NoConnectException:
                if time.time() > deadline or self.proc.poll() is not None:
                    raise
                time.sleep(0.25)
        smgr = self.ctx.ServiceManager
        self.desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)
        self.dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", self.ctx)

    def load(self, path):
        args = (prop("Hidden", True), prop("RepairPackage", False), prop("ReadOnly", False),
                prop("UpdateDocMode", 0))
        return self.desktop.loadComponentFromURL(url(path), "_blank", 0, args)

    def dispatch(self, doc, command, args=()):
        frame = doc.getCurrentController().getFrame()
        return self.dispatcher.executeDispatch(frame, command, "", 0, tuple(args))

    def close(self):
        try:
            self.desktop.terminate()
        except Exception:
            pass
        try:
            self.proc.wait(timeout=20)
        except Exception:
            self.proc.kill()


def _paragraph_texts(text, out, tables=None, props=None):
    """Paragraph texts of ``text`` (table cells included) into ``out``; each table's rows
    as lists of cell texts into ``tables``; ``props`` gets the layout of the
    paragraphs outside tables (alignment, style, indents)."""
    enum = text.createEnumeration()
    while enum.hasMoreElements():
        el = enum.nextElement()
        if el.supportsService("com.sun.star.text.Paragraph"):
            out.append(el.getString())
            if props is not None:
                props.append([int(el.ParaAdjust), el.ParaStyleName, el.ParaLeftMargin,
                              el.ParaRightMargin, el.ParaFirstLineIndent])
        elif el.supportsService("com.sun.star.text.TextTable"):
            rows = {}
            if tables is not None:
                tables.append(rows)
            for name in el.getCellNames():
                cell = el.getCellByName(name)
                _paragraph_texts(cell, out, tables)
                digits = re.match(r"[A-Za-z]+(\d+)", name)
                rows.setdefault(int(digits.group(1)) if digits else 0, []).append(cell.getString())


def _links(text):
    """(text, URL) of each hyperlinked stretch of the body's paragraphs."""
    out = []
    enum = text.createEnumeration()
    while enum.hasMoreElements():
        el = enum.nextElement()
        if not el.supportsService("com.sun.star.text.Paragraph"):
            continue
        portions = el.createEnumeration()
        while portions.hasMoreElements():
            portion = portions.nextElement()
            try:
                link = portion.getPropertyValue("HyperLinkURL")
            except Exception:
                continue
            if link:
                if out and out[-1][1] == link:
                    out[-1][0] += portion.getString()
                else:
                    out.append([portion.getString(), link])
    return out


def _redline_count(doc):
    try:
        return doc.getRedlines().getCount()
    except Exception:
        enum = doc.getRedlines().createEnumeration()
        n = 0
        while enum.hasMoreElements():
            enum.nextElement()
            n += 1
        return n


def texts(office, req):
    try:
        doc = office.load(req["path"])
    except Exception as exc:  # IOException / IllegalArgumentException: not loadable without repair
        return {"loaded": False, "error": f"{type(exc).__name__}: {exc}"}
    if doc is None:
        return {"loaded": False, "error": "load returned nothing"}
    try:
        mode = req.get("mode", "none")
        if mode == "accept":
            office.dispatch(doc, ".uno:AcceptAllTrackedChanges")
        elif mode == "reject":
            office.dispatch(doc, ".uno:RejectAllTrackedChanges")
        body, tables, props = [], [], []
        _paragraph_texts(doc.getText(), body, tables, props)
        tables = [[t[k] for k in sorted(t)] for t in tables]
        notes = []
        fns = doc.getFootnotes()
        for i in range(fns.getCount()):
            notes.append(fns.getByIndex(i).getString())
        return {"loaded": True, "body": body, "footnotes": notes, "redlines": _redline_count(doc),
                "tables": tables, "props": props,
                "links": _links(doc.getText()), "images": doc.getGraphicObjects().getCount()}
    finally:
        doc.close(True)


def compare(office, req):
    new = office.load(req["new"])
    try:
        start = time.perf_counter()
        office.dispatch(new, ".uno:CompareDocuments", [prop("URL", url(req["old"])), prop("NoAcceptDialog", True)])
        seconds = time.perf_counter() - start
        if req.get("out"):
            new.storeToURL(url(req["out"]), (prop("FilterName", "MS Word 2007 XML"),))
        return {"seconds": seconds, "redlines": _redline_count(new)}
    finally:
        new.close(True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--soffice", default="soffice")
    ap.add_argument("--profile", required=True)
    a = ap.parse_args()
    office = Office(a.soffice, a.profile)
    out = sys.stdout
    sys.stdout = sys.stderr  # keep the answer channel clean
    print(json.dumps({"ready": True}), file=out, flush=True)
    try:
        for line in sys.stdin:
            if not line.strip():
                continue
            req = json.loads(line)
            op = req.get("op")
            if op == "quit":
                break
            try:
                handler = {"texts": texts, "compare": compare}[op]
                ans = handler(office, req)
            except Exception as exc:
                ans = {"loaded": False, "error": f"{type(exc).__name__}: {exc}"}
            print(json.dumps(ans), file=out, flush=True)
    finally:
        office.close()


if __name__ == "__main__":
    main()
