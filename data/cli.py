"""Command line of the data layer: ``python -m data validate|convert|info|package|update``.

User mistakes (missing file, bad data) print a readable message and set the exit
code; they never show a stack trace.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from .cell_safety import formula_like_values
from .load import DEFAULT_FOLDER, load_dataset
from .manifest import MANIFEST, has_manifest, verify_manifest, write_manifest
from .model import KNOWN_GAPS, OBSERVATION_COLUMNS, Dataset
from .readers import Reference
from .validation import ValidationFailed, validate_files


def _check_paths(paths: list[str]) -> list[Path]:
    missing = [p for p in paths if not Path(p).is_file()]
    if missing:
        raise SystemExit(_fail(f"error: no such file: {', '.join(missing)}", code=2))
    return [Path(p) for p in paths]


def _fail(message: str, code: int = 1) -> int:
    print(message, file=sys.stderr)
    return code


def _validated(paths: list[str], folder: Path):
    dataset = load_dataset(folder)
    results = validate_files(_check_paths(paths), Reference.from_dataset(dataset, folder))
    problems = [p for r in results for p in r.problems]
    if problems:
        for problem in problems:
            print(problem.message)
        bad = sorted({p.file for p in problems})
        print(f"\n{len(problems)} problem(s) in {len(bad)} file(s) ({', '.join(bad)}); "
              "the file(s) were rejected whole and nothing was loaded.")
    return results, problems


def counts_table(observations: pd.DataFrame) -> pd.DataFrame:
    """Countries per indicator and year (rows: indicator_id, columns: year)."""
    return (observations.groupby(["indicator_id", "year"])["iso3"].nunique()
            .unstack(fill_value=0).sort_index())


def dataset_warnings(dataset: Dataset) -> list[str]:
    """Values a spreadsheet would run as formulas in country names and source ids (downloads
    neutralise them, but they are almost certainly mistakes or an attack in the data)."""
    return (formula_like_values(dataset.countries["name"], "country name")
            + formula_like_values(dataset.sources.index, "source id")
            + formula_like_values(dataset.observations["source_id"].unique(), "source id"))


def _loaded_folder(folder: Path) -> Dataset | None:
    """The folder's dataset, or None after printing every validation problem."""
    try:
        return load_dataset(folder)
    except ValidationFailed as err:
        for problem in err.problems:
            print(problem.message)
        print(f"\n{len(err.problems)} problem(s) in {folder}; nothing was accepted.")
        return None


def validate_folder(folder: Path) -> int:
    """Check a data folder: its files against datapackage.json (if any), then every rule (0 OK, 1 not)."""
    code = 0
    if has_manifest(folder):
        mismatches = verify_manifest(folder)
        for problem in mismatches:
            print(f"{folder / problem.file}: {problem.detail}")
        if mismatches:
            print(f"\n{len(mismatches)} file(s) do not match {folder / MANIFEST}; a running dashboard keeps "
                  "its last good data. If the update is complete, run: python -m data package " + str(folder))
            code = 1
    else:
        print(f"note: {folder} has no {MANIFEST}, so file integrity cannot be checked "
              "(python -m data package DIR writes one)")
    dataset = _loaded_folder(folder)
    if dataset is None:
        return 1
    for warning in dataset_warnings(dataset):
        print(warning)
    if code == 0:
        print(f"OK: {folder}: {len(dataset.observations)} observations; data version {dataset.version}")
    return code


def cmd_package(args) -> int:
    """Validate a data folder and write its datapackage.json (nothing is written if it is invalid)."""
    folder = Path(args.folder)
    if not folder.is_dir():
        return _fail(f"error: not a folder: {folder}", code=2)
    dataset = _loaded_folder(folder)
    if dataset is None:
        return 1
    for warning in dataset_warnings(dataset):
        print(warning)
    target = write_manifest(folder)
    print(f"wrote {target}: {len(list(folder.glob('*.csv')))} files, data version {dataset.version}")
    return 0


def cmd_validate(args) -> int:
    """Print every problem (exit 1) or an OK summary with counts per indicator and year (exit 0).

    A folder is checked against its datapackage.json and loaded as the dashboard would."""
    folders = [Path(p) for p in args.paths if Path(p).is_dir()]
    files = [p for p in args.paths if not Path(p).is_dir()]
    code = max([validate_folder(f) for f in folders], default=0)
    if files:
        code = max(code, _validate_user_files(files, args.sources))
    return code


def _validate_user_files(paths: list[str], sources: Path) -> int:
    results, problems = _validated(paths, sources)
    if problems:
        return 1
    for result in results:
        print("\n".join(result.report))
    obs = pd.concat([r.observations for r in results])
    for warning in formula_like_values(obs["source_id"].unique(), "source id"):
        print(warning)
    print(f"\nOK: {len(obs)} observations in {len(results)} file(s). Countries per indicator and year:")
    print(counts_table(obs).to_string())
    return 0


def cmd_convert(args) -> int:
    """Write the canonical tidy CSV of valid files (nothing is written if any file is bad)."""
    results, problems = _validated(args.paths, args.sources)
    if problems:
        return 1
    obs = pd.concat([r.observations for r in results], ignore_index=True)
    obs = obs.loc[:, list(OBSERVATION_COLUMNS)]
    obs.to_csv(args.out, index=False, float_format="%.15g")
    print(f"wrote {len(obs)} observations to {args.out}")
    return 0


def coverage_lines(dataset: Dataset) -> list[str]:
    """Per indicator: distinct countries and countries per year, as in SOURCES.md."""
    obs = dataset.observations
    lines = []
    for indicator_id, rows in obs.groupby("indicator_id"):
        per_year = rows.groupby("year")["iso3"].nunique()
        years = ", ".join(f"{y}: {n}" for y, n in per_year.items())
        lines.append(f"{indicator_id}: {rows['iso3'].nunique()} distinct countries; "
                     f"countries per year: {years}")
    return lines


def cmd_info(args) -> int:
    """Print the coverage of the shipped dataset, uncovered objectives and known gaps."""
    dataset = load_dataset(args.sources)
    print(f"Shipped dataset ({args.sources}): {len(dataset.observations)} observations, "
          f"{dataset.observations['indicator_id'].nunique()} indicators")
    print("\n".join(coverage_lines(dataset)))
    covered = {o for objs in dataset.indicators["objectives"] for o in objs}
    uncovered = [int(n) for n in dataset.objectives.index if int(n) not in covered]
    print("\nObjectives with no indicator: " + ", ".join(
        f"{n} ({dataset.objectives.loc[n, 'short_label']})" for n in uncovered))
    print("\nKnown gaps:")
    print("\n".join(f"- {gap}" for gap in KNOWN_GAPS))
    return 0


def cmd_update(args) -> int:
    """Refresh SDG series from the UN SDG API into ``--out`` (or print the changes with --dry-run)."""
    from .catalogue import read_csv_text
    from .sdg_api import ApiError
    from .sdg_update import UpdateFailed, run_update
    known = list(read_csv_text(args.sources / "sdg_series_catalogue.csv")["series_code"])
    series = [s.upper() for s in (args.series or known)]
    unknown = [s for s in series if s not in known]
    if unknown:
        return _fail(f"error: not a shipped series: {', '.join(unknown)} (shipped: {', '.join(known)})", code=2)
    if args.page_size < 1:
        return _fail("error: --page-size must be at least 1", code=2)
    try:
        lines = run_update(args.out, args.sources, series, args.api_base, args.page_size, args.dry_run)
    except ApiError as err:
        return _fail(f"error: {err}", code=3)
    except UpdateFailed as err:
        print(err)
        return _fail("error: the fetched data did not pass the checks; nothing was written", code=1)
    print("\n".join(lines))
    print("Dry run: nothing was written." if args.dry_run else
          f"Wrote the data files, checked, to {args.out} (provenance in {args.out}/sdg_api_provenance.json).")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argparse parser of ``python -m data``."""
    parser = argparse.ArgumentParser(prog="python -m data", description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=DEFAULT_FOLDER,
                        help="folder of the shipped data (default: data/sources)")
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="check user files, or a data folder against its "
                                              "datapackage.json, and report every problem")
    validate.add_argument("paths", nargs="+", metavar="PATH", help="user data files or data folders")
    validate.set_defaults(func=cmd_validate)
    convert = sub.add_parser("convert", help="write valid user files as one canonical tidy CSV")
    convert.add_argument("paths", nargs="+", metavar="PATH")
    convert.add_argument("--out", required=True, type=Path, metavar="FILE")
    convert.set_defaults(func=cmd_convert)
    info = sub.add_parser("info", help="coverage of the shipped dataset")
    info.set_defaults(func=cmd_info)
    package = sub.add_parser("package", help="validate a data folder and write its datapackage.json manifest")
    package.add_argument("folder", metavar="DIR")
    package.set_defaults(func=cmd_package)
    from .sdg_api import DEFAULT_API_BASE, DEFAULT_PAGE_SIZE
    update = sub.add_parser("update", help="refresh the shipped SDG series from the UN SDG API")
    update.add_argument("--out", required=True, type=Path, metavar="DIR",
                        help="folder to write the shipped file layout to (may be the data folder itself)")
    update.add_argument("--series", nargs="+", metavar="CODE", help="series codes (default: every shipped series)")
    update.add_argument("--api-base", default=DEFAULT_API_BASE, metavar="URL",
                        help=f"API address (default {DEFAULT_API_BASE})")
    update.add_argument("--page-size", type=int, default=DEFAULT_PAGE_SIZE, metavar="N",
                        help=f"records per request (default {DEFAULT_PAGE_SIZE})")
    update.add_argument("--dry-run", action="store_true", help="print what would change; write nothing")
    update.set_defaults(func=cmd_update)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code (0 OK, 1 data problems, 2 usage errors)."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except OSError as err:  # unreadable file, unwritable --out: a user error, not a crash
        return _fail(f"error: {err.strerror or err}: {err.filename or ''}", code=2)
