"""One term's answers, named by one path: an answers file, or a folder of one term's respondent
files for one school and initiative (``schools/<school>/<initiative>/<term>/<role>.yaml``).

``compare`` and ``check --baseline`` both take a side this way; a folder combines exactly as
files given to ``check`` together do.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from implcheck.errors import InputError, UsageError
from implcheck.fileio import is_dir
from implcheck.load import load_assessment
from implcheck.load.answers import is_checklist
from implcheck.model import Assessment
from implcheck.yamlsource import load_document

SUFFIXES = (".yaml", ".yml")


def files_of(path: Path) -> list[Path]:
    """The answers files a side names: the file itself, or the folder's answers files in name order.

    Only the folder's own files count (not sub-folders): a term folder holds one term. The two
    other kinds of implcheck file a school keeps beside its answers are left out: the checklist
    the files name, and ``collect``'s list of expected respondents. Anything else stays in, so a
    broken or truncated answers file is reported, never silently passed over.
    """
    if not is_dir(path):
        return [path]
    files = sorted(p for p in path.iterdir() if p.suffix in SUFFIXES and p.is_file() and not _other_kind(p))
    if not files:
        raise UsageError(f"{path}: no answers files (*.yaml) in this folder")
    return files


def _other_kind(path: Path) -> bool:
    from implcheck.load.expected import is_expected_list  # only for a folder: check's start-up stays small

    try:
        doc = load_document(path)
    except InputError:
        return False
    return is_checklist(doc) or is_expected_list(doc)


def answers_files(paths: list[Path]) -> list[Path]:
    """The files ``check`` and ``report`` read: each path given, a folder standing for the
    respondents' files in it (``implcheck report answers/``)."""
    return [file for path in paths for file in files_of(path)]


def load_term(path: Path, checklist_dirs: Sequence[Path] = ()) -> Assessment:
    return load_assessment(files_of(path), checklist_dirs)


# Where each item's answer stands in each file: (file as given, item id) -> line. For CI
# annotations (``check --format github``); an item a file does not answer points at the line of
# ``answers:`` (or the top of the file), where the school would add it.
AnswerLines = dict[tuple[str, str], int]


def answer_lines(assessment: Assessment) -> AnswerLines:
    lines: AnswerLines = {}
    for sheet in assessment.sheets:
        doc = load_document(sheet.path)
        for item in assessment.checklist.items:
            found = doc.locations.get(("<key>", "answers", item.id)) or doc.key_where("answers")
            lines[(str(sheet.path), item.id)] = found.line
    return lines
