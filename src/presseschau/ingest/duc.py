"""DUC-style benchmark folders: ``docs/<cluster>/<doc>.txt`` with one sentence per line and no headline."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from presseschau.errors import UsageError
from presseschau.model import Article

# DUC/TDT document ids carry the date: APW19990519.0113, NYT19981001.0057, XIE19980304.0061.
_DOCID_DATE = re.compile(r"^[A-Z_]+(\d{4})(\d{2})(\d{2})")


def read_clusters(root: Path) -> dict[str, list[Article]]:
    """Cluster name -> its documents as Articles, from ``root/docs/<cluster>/*`` (or ``root/<cluster>/*``).

    Every line of a document is a paragraph; the text is taken as it is (benchmark text needs no cleaning),
    the document id is the outlet, so every document counts as its own voice.
    """
    base = root / "docs" if (root / "docs").is_dir() else root
    if not base.is_dir():
        raise UsageError(f"{root} is not a folder; give a DUC-style folder with docs/<cluster>/<doc>.txt")
    clusters: dict[str, list[Article]] = {}
    for folder in sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")):
        articles = [_article(path) for path in sorted(folder.iterdir()) if path.is_file()]
        articles = [a for a in articles if a.text]
        if articles:
            clusters[folder.name] = articles
    if not clusters:
        raise UsageError(f"no clusters in {base}: expected one folder per cluster holding one text file per document")
    return clusters


def _article(path: Path) -> Article:
    raw = path.read_bytes().decode("utf-8", errors="replace")
    text = "\n".join(" ".join(line.split()) for line in raw.splitlines() if line.strip())
    docid = path.stem
    m = _DOCID_DATE.match(docid)
    published = f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None
    digest = hashlib.sha256(text.encode()).hexdigest()[:11]
    return Article(id="a" + digest, source=str(path), title="", text=text, outlet=docid, outlet_from="filename",
                   published=published, published_from="filename" if published else None, url=None, format="duc")
