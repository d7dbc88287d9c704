"""A bigger Stack Exchange dump made of copies of a real one, for timing the importer at size.

Copy k of every file's rows has its ids (posts, users, comments, votes, links, and every
reference to them) moved up by k times the file's highest id, so the copies stay apart and
every reference still resolves as it did, deleted posts and all. Tags.xml is kept once: every
copy uses the same tags, and users with ids below 1 (the site's "Community") are kept once.
Files are streamed, so any copy count fits in memory. Usage:

    .venv/bin/python bench/scale_dump.py ../shared/data/stackexchange/coffee.stackexchange.com \\
        var/coffee-x20.stackexchange.com 20
    .venv/bin/python manage.py import_stackexchange var/coffee-x20.stackexchange.com \\
        --site coffee-x20.stackexchange.com
"""

import sys
from pathlib import Path
from xml.etree import ElementTree
from xml.sax.saxutils import quoteattr

# Which attributes hold ids of which table, per file.
POST_IDS = ("Id", "ParentId", "AcceptedAnswerId")
USER_IDS = ("OwnerUserId", "LastEditorUserId", "UserId")
FILES = {
    "Users.xml": {"Id": "users"},
    "Posts.xml": {**dict.fromkeys(POST_IDS, "posts"), **dict.fromkeys(USER_IDS, "users")},
    "Comments.xml": {"Id": "comments", "PostId": "posts", "UserId": "users"},
    "Votes.xml": {"Id": "votes", "PostId": "posts", "UserId": "users"},
    "PostLinks.xml": {"Id": "links", "PostId": "posts", "RelatedPostId": "posts"},
}
TABLE_OF_FILE = {
    "Users.xml": "users",
    "Posts.xml": "posts",
    "Comments.xml": "comments",
    "Votes.xml": "votes",
    "PostLinks.xml": "links",
}


def rows(path: Path):
    events = ElementTree.iterparse(path, events=("start", "end"))
    _, root = next(events)
    for event, element in events:
        if event == "end" and element.tag == "row":
            yield dict(element.attrib)
            element.clear()
            root.clear()


def highest_id(path: Path) -> int:
    return max((int(row["Id"]) for row in rows(path)), default=0)


def scale(source: Path, target: Path, copies: int) -> None:
    target.mkdir(parents=True, exist_ok=True)
    present = {name: source / name for name in FILES if (source / name).exists()}
    step = {TABLE_OF_FILE[name]: highest_id(path) for name, path in present.items()}
    for name, path in present.items():
        moves = FILES[name]
        root_tag = name.removesuffix(".xml").lower()
        with open(target / name, "w", encoding="utf-8") as out:
            out.write(f'\ufeff<?xml version="1.0" encoding="utf-8"?>\n<{root_tag}>\n')
            for copy in range(copies):
                for row in rows(path):
                    if copy and int(row["Id"]) <= 0:
                        continue  # the site's own "Community" user: once is enough
                    for key, table in moves.items():
                        value = row.get(key)
                        if value and value.lstrip("-").isdigit() and int(value) > 0:
                            row[key] = str(int(value) + copy * step[table])
                    attributes = " ".join(f"{k}={quoteattr(v)}" for k, v in row.items())
                    out.write(f"  <row {attributes} />\n")
            out.write(f"</{root_tag}>\n")
    if (source / "Tags.xml").exists():
        (target / "Tags.xml").write_bytes((source / "Tags.xml").read_bytes())


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    scale(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]))
