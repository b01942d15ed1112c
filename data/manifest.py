"""The data folder's manifest: a Frictionless Data Package descriptor (``datapackage.json``).

Every CSV file of the folder is one resource with its ``path``, ``bytes``, ``hash``
(``sha256:<hex>``, the Data Package v2 form), ``rows`` (data rows, header excluded) and a
``schema`` (field names and inferred types). ``write_manifest`` records the folder after an
update; ``verify_manifest`` says, file by file, where the folder differs from its record. A file
cut short by an unfinished write changes its size and hash, so it can never pass for good data.

Pure standard library: written to the published descriptor format rather than through the
``frictionless`` package, whose dependency tree is far larger than this job.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path

MANIFEST = "datapackage.json"
PACKAGE_NAME = "gcm-progress-dashboard-data"


@dataclass(frozen=True)
class ManifestProblem:
    """One way the folder differs from its manifest; ``message`` names the file and the mismatch."""

    file: str
    detail: str

    @property
    def message(self) -> str:
        """``sdg_x.csv: 51 234 bytes, but datapackage.json records 113 900 ...``."""
        return f"{self.file}: {self.detail}"

    def __str__(self) -> str:
        return self.message


def data_files(folder: Path) -> list[Path]:
    """The CSV files of ``folder`` that a manifest describes, by name."""
    return sorted(Path(folder).glob("*.csv"))


def sha256_of(path: Path) -> str:
    """The hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def content_version(folder: Path) -> str:
    """A short hash of the names and bytes of the folder's CSV files: the data version.

    Built from content, not modification times, so every worker and host that loads the same
    files reports the same version (logs, /health, cache keys, downloads)."""
    digest = hashlib.sha256()
    for path in data_files(folder):
        digest.update(f"{path.name}\0{sha256_of(path)}\0".encode())
    return digest.hexdigest()[:12]


def _field_type(values: list[str]) -> str:
    present = [v for v in values if v != ""]
    for kind, convert in (("integer", int), ("number", float)):
        try:
            for value in present:
                convert(value)
        except ValueError:
            continue
        return kind if present else "string"
    return "string"


def _read_table(data: bytes) -> tuple[list[str], list[list[str]]]:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig", errors="replace"), newline="")))
    return (rows[0], rows[1:]) if rows else ([], [])


def describe_resource(path: Path) -> dict:
    """The Data Package resource of one CSV file: path, bytes, sha256, row count and schema."""
    data = path.read_bytes()
    header, rows = _read_table(data)
    fields = [{"name": name, "type": _field_type([r[i] if i < len(r) else "" for r in rows])}
              for i, name in enumerate(header)]
    return {
        "name": path.stem.lower().replace(" ", "-"),
        "path": path.name,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
        "rows": len(rows),
        "schema": {"fields": fields},
    }


def build_manifest(folder: Path) -> dict:
    """The whole descriptor of ``folder`` (one resource per CSV file)."""
    return {"profile": "data-package", "name": PACKAGE_NAME,
            "resources": [describe_resource(p) for p in data_files(folder)]}


def write_manifest(folder: Path) -> Path:
    """Write ``folder/datapackage.json`` atomically (temporary file, then rename) and return its path."""
    folder = Path(folder)
    target = folder / MANIFEST
    tmp = folder / f".{MANIFEST}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(build_manifest(folder), indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, target)
    return target


def has_manifest(folder: Path) -> bool:
    """True when ``folder`` carries a ``datapackage.json``."""
    return (Path(folder) / MANIFEST).is_file()


def _read_manifest(folder: Path) -> tuple[list[dict] | None, str]:
    try:
        descriptor = json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, f"cannot be read as JSON ({exc}); was it written completely?"
    resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
    if not isinstance(resources, list) or not all(isinstance(r, dict) and isinstance(r.get("path"), str)
                                                  for r in resources):
        return None, "is not a data package descriptor: it needs a \"resources\" list, each with a \"path\""
    return resources, ""


def _resource_problems(path: Path, entry: dict) -> list[str]:
    """Why ``path`` does not match ``entry`` (empty when it matches)."""
    data = path.read_bytes()
    expected_hash = str(entry.get("hash", ""))
    algorithm, _, expected_hex = expected_hash.rpartition(":")
    if algorithm not in ("", "sha256"):
        return [f"datapackage.json records a {algorithm} hash; only sha256 is checked (run python -m data package)"]
    if len(data) == entry.get("bytes") and hashlib.sha256(data).hexdigest() == expected_hex:
        return []
    details = []
    if len(data) != entry.get("bytes"):
        details.append(f"{len(data)} bytes, but datapackage.json records {entry.get('bytes')} bytes "
                       "(a partial or unfinished write?)")
    header, rows = _read_table(data)
    if isinstance(entry.get("rows"), int) and len(rows) != entry["rows"]:
        details.append(f"{len(rows)} data rows, but datapackage.json records {entry['rows']}")
    names = [f.get("name") for f in (entry.get("schema") or {}).get("fields", []) if isinstance(f, dict)]
    if names and header != names:
        details.append(f"columns {', '.join(header) or '(none)'} differ from the manifest's {', '.join(names)}")
    if not details:
        details.append("the content differs from datapackage.json (same size and rows, different sha256)")
    return details


def verify_manifest(folder: Path) -> list[ManifestProblem]:
    """Every difference between ``folder``'s CSV files and its ``datapackage.json`` (empty: all match).

    Call only when :func:`has_manifest` is true. Files missing, extra, resized, changed or
    with other columns are each reported with the file's name.
    """
    folder = Path(folder)
    resources, problem = _read_manifest(folder)
    if resources is None:
        return [ManifestProblem(MANIFEST, problem)]
    problems: list[ManifestProblem] = []
    listed = {r["path"] for r in resources}
    for entry in resources:
        path = folder / entry["path"]
        if Path(entry["path"]).name != entry["path"]:  # never read outside the folder
            problems.append(ManifestProblem(entry["path"], "is not a plain file name inside the data folder"))
            continue
        try:
            details = _resource_problems(path, entry)
            if details:
                problems.append(ManifestProblem(entry["path"], "; ".join(details)))
        except FileNotFoundError:
            problems.append(ManifestProblem(entry["path"], "is listed in datapackage.json but missing"))
    for path in data_files(folder):
        if path.name not in listed:
            problems.append(ManifestProblem(path.name, "is not listed in datapackage.json "
                                                       "(run python -m data package after adding it)"))
    return problems


class ManifestMismatch(Exception):
    """The folder does not match its manifest; ``problems`` lists every mismatch."""

    def __init__(self, folder: Path, problems: list[ManifestProblem]):
        self.problems = list(problems)
        super().__init__(f"{len(self.problems)} file(s) in {folder} do not match {MANIFEST}:\n"
                         + "\n".join(p.message for p in self.problems))
