#!/usr/bin/env python3
"""archive.py - a folder of generated documents as a JSON Lines archive.

Usage: bench/archive.py FOLDER ARCHIVE.jsonl

Each document of FOLDER (fc-gen's --dir form, in byte order of the names) is one
line of ARCHIVE: its id (the file's name without .md), the outlet, title and
published date of its front matter, and its body, the text after the front
matter. bench/run.sh times the map-and-reduce recipes on it; the recipes test
writes its archive with it too.
"""
import json
import os
import sys


def to_archive(folder, path):
    """Writes the archive of FOLDER to PATH; returns the number of records."""
    n = 0
    with open(path, "w", encoding="utf-8") as out:
        for name in sorted(os.listdir(folder)):
            file = os.path.join(folder, name)
            try:
                with open(file, encoding="utf-8") as f:
                    text = f.read()
            except UnicodeDecodeError as e:
                raise ValueError(f"{file}: not UTF-8 ({e.reason} at byte {e.start})") from e
            rec = {"id": os.path.splitext(name)[0]}
            if text.startswith("---\n"):
                end = text.find("\n---\n", 4)
                if end < 0:
                    raise ValueError(f"{file}: front matter without its closing ---")
                for line in text[4:end].split("\n"):
                    k, _, v = line.partition(":")
                    if k.strip() in ("outlet", "title", "published"):
                        rec[k.strip()] = v.strip()
                text = text[end + 5:]
            rec["text"] = text
            out.write(json.dumps(rec) + "\n")
            n += 1
    return n


def main(argv):
    if len(argv) != 3:
        print("usage: bench/archive.py FOLDER ARCHIVE.jsonl", file=sys.stderr)
        return 2
    try:
        n = to_archive(argv[1], argv[2])
    except (OSError, ValueError) as e:
        print(f"bench/archive.py: {e}", file=sys.stderr)
        return 1
    if n == 0:
        print(f"bench/archive.py: {argv[1]}: no document", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
