#!/usr/bin/env python3
"""Check a Casedesk case bundle offline: every file against SHA256SUMS and the manifest.

Uses the Python standard library only, so it runs on any machine with Python 3.8
or later, without Casedesk. Run it in the folder the bundle was unpacked into:

    python3 verify.py            # this folder
    python3 verify.py FOLDER     # an unpacked bundle elsewhere
    python3 verify.py case.zip   # the bundle as it was delivered

It re-hashes (SHA-256) every file SHA256SUMS lists and compares each with the
hash recorded there, checks that every file of the bundle is listed, and that
the hashes in manifest.json (recorded when each record was stored) agree with
the files. It prints what it checked and exits 0 when everything matches,
1 when anything does not (naming each file), 2 when the bundle is unreadable.
"""

import hashlib
import json
import sys
import zipfile
from pathlib import Path

SUMS = "SHA256SUMS"


class Bundle:
    """The files of an unpacked bundle (a folder) or of the ZIP itself."""

    def __init__(self, location):
        self.location = Path(location)
        self.zip = zipfile.ZipFile(self.location) if self.location.is_file() else None

    def names(self):
        if self.zip is not None:
            return sorted(n for n in self.zip.namelist() if not n.endswith("/"))
        return sorted(
            p.relative_to(self.location).as_posix() for p in self.location.rglob("*") if p.is_file()
        )

    def read(self, name):
        if self.zip is not None:
            return self.zip.read(name)
        return (self.location / name).read_bytes()


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def check(bundle):
    problems = []
    listed = {}
    for number, line in enumerate(bundle.read(SUMS).decode("ascii").splitlines(), start=1):
        digest, sep, name = line.partition("  ")
        if not sep or len(digest) != 64:
            problems.append(f"{SUMS} line {number} is not '<sha256>  <file>'")
            continue
        listed[name] = digest
    present = set(bundle.names())
    for name, digest in sorted(listed.items()):
        if name not in present:
            problems.append(f"{name} is listed in {SUMS} but missing")
        elif sha256(bundle.read(name)) != digest:
            problems.append(f"{name} does not match its SHA-256 in {SUMS}")
    ignored = {SUMS}
    for name in sorted(present - set(listed) - ignored):
        problems.append(f"{name} is in the bundle but not listed in {SUMS}")
    problems += check_manifest(bundle, present)
    return len(listed), problems


def check_manifest(bundle, present):
    """The hashes recorded at storing, in manifest.json, against the files."""
    problems = []
    manifest = json.loads(bundle.read("manifest.json").decode("utf-8"))
    for item in manifest.get("items", []):
        expected = [
            (item.get("file"), item.get("sha256")),
            (item.get("page_source_file"), item.get("page_source_sha256")),
        ]
        capture = item.get("web_capture") or {}
        for part in capture.get("parts", []):
            expected.append((part.get("file"), part.get("sha256")))
        for name, digest in expected:
            if not name:
                continue
            if name not in present:
                problems.append(f"item {item.get('id')}: {name} is missing")
            elif sha256(bundle.read(name)) != digest:
                problems.append(
                    f"item {item.get('id')}: {name} does not match the SHA-256 recorded "
                    "when it was stored"
                )
    return problems


def main(argv):
    location = argv[1] if len(argv) > 1 else Path(__file__).resolve().parent
    try:
        count, problems = check(Bundle(location))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as error:
        print(f"verify.py: cannot read the bundle at {location}: {error}", file=sys.stderr)
        return 2
    for problem in problems:
        print("FAILED: " + problem)
    if problems:
        print(f"{len(problems)} problem(s) found; the bundle is not as it was made.")
        return 1
    print(f"OK: all {count} files match SHA256SUMS and the hashes recorded in manifest.json.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
