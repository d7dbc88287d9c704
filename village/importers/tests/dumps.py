"""Small hand-written dumps with the quirks real ones have, for the importer's tests."""

from pathlib import Path
from xml.sax.saxutils import quoteattr


def write_table(folder: Path, name: str, rows: list[dict]) -> None:
    lines = ['\ufeff<?xml version="1.0" encoding="utf-8"?>', f"<{name.lower()}>"]
    for row in rows:
        attributes = " ".join(f"{key}={quoteattr(str(value))}" for key, value in row.items())
        lines.append(f"  <row {attributes} />")
    lines.append(f"</{name.lower()}>")
    (folder / f"{name}.xml").write_text("\n".join(lines), encoding="utf-8")


def write_dump(folder: Path, **tables: list[dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        write_table(folder, name, rows)
    return folder


def post(id, kind, **extra) -> dict:
    return {
        "Id": id,
        "PostTypeId": kind,
        "CreationDate": "2024-05-01T10:00:00.000",
        "Body": f"<p>Post {id}</p>",
        **extra,
    }


def user(id, name) -> dict:
    return {"Id": id, "DisplayName": name, "CreationDate": "2024-01-01T09:00:00.000"}
