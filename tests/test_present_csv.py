"""The CSV: one row per action, then every other item, each with every answer and its evidence; for
Excel and LibreOffice, formula injection defused."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from implcheck.present import csv as csv_report
from implcheck.present import json as json_report
from report_helpers import EXAMPLES, HOSTILE, RECHECK, result_of


def rows(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def test_one_row_per_action_then_the_other_items_with_header_bom_and_crlf() -> None:
    result = result_of(RECHECK)
    text = csv_report.render(result)
    assert text.startswith(
        "\ufeffitem,question,failure mode,stage,severity,action,owner,due,status,agreed,answers,evidence\r\n"
    )
    assert text.count("\r\n") == len(result.items) + 1
    assert "\n" not in text.replace("\r\n", "")
    table = rows(text)
    assert table[0] == list(csv_report.HEADER)
    acted = [a.item_id for a in result.actions]
    assert [r[0] for r in table[1:]] == acted + [r.item.id for r in result.items if r.item.id not in acted]
    assert table[-1] == [
        "lead-in-post",
        "Is the named senior leader still in post and leading it?",
        "no-owner",
        "Deliver",
        "",
        "",
        "",
        "",
        "In place",
        "",
        "senior-leader: Yes; teacher: Yes",
        "",
    ]
    coaching = next(r for r in table if r[0] == "coaching-continued")
    assert coaching[10:] == [
        "senior-leader: Partly; teacher: No",
        "senior-leader: Refresher session offered in October",
    ]
    first = table[1]
    assert first == [
        "staff-see-value",
        "In this term's staff survey, did most staff say it is worth doing?",
        "no-buy-in",
        "Deliver",
        "critical",
        "Run a three-question anonymous staff pulse.",
        "Implementation lead",
        "Before the end of this term",
        "Not in place",
        "no",
        "senior-leader: Partly; teacher: No",
        "",
    ]


def test_one_respondent_answers_without_naming_them() -> None:
    table = rows(csv_report.render(result_of(EXAMPLES["edtech-trap"])))
    first = table[1]
    assert first[10:] == ["No", "Bought to 'raise engagement in maths'; no specific gap identified"]


def test_hostile_cells_are_neutralised() -> None:
    table = rows(csv_report.render(result_of(HOSTILE)))
    cells = [cell for row in table for cell in row]
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
        assert "\n" not in cell and "\r" not in cell
    by_id = {row[0]: row for row in table[1:]}
    assert by_id["problem-specific"][5].startswith("'=HYPERLINK(")
    assert by_id["problem-specific"][6] == "'@SUM(1+1) <b>boss</b>"
    assert by_id["problem-specific"][7] == "'-2+3 | soon later"
    assert by_id["owner-named"][5].startswith("'+1 ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@x", "'@x"),
        ("\t=1", "'=1"),
        ("\r\n=1", "'=1"),
        ("plain = fine", "plain = fine"),
        ("a\nb", "a b"),
    ],
)
def test_cell(text: str, expected: str) -> None:
    assert csv_report.cell(text) == expected


def test_file_bytes_open_as_utf8_with_bom(tmp_path: Path) -> None:
    from implcheck.fileio import write_atomic

    path = tmp_path / "a.csv"
    write_atomic(path, csv_report.render(result_of(RECHECK)))
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfitem,")
    assert b"\r\n" in data and b"\r\r\n" not in data


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_owners_and_dates_are_the_same_in_csv_and_json(name: str) -> None:
    result = result_of(EXAMPLES[name])
    data = json_report.to_dict(result)["actions"]
    table = rows(csv_report.render(result))[1 : len(data) + 1]
    assert [(r[0], r[6], r[7]) for r in table] == [(a["item"], a["owner"], a["by_when"]) for a in data]
    assert all(a["owner"] and a["by_when"] for a in data)
