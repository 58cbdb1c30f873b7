"""The form page's presenter: the role's questions in its words, every piece of checklist text
escaped, the Content-Security-Policy naming exactly the page's own script and style, and the
rule the script quotes the answers file by."""

from __future__ import annotations

import base64
import codecs
import hashlib
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import FIXTURES, ROOT
from implcheck.load import load_checklist
from implcheck.model import Role
from implcheck.present import form
from implcheck.yamlsource import load_document

ROLES = load_checklist(FIXTURES / "form-roles.yaml")


def page(role: Role = Role.TEACHER, **prefill: str) -> str:
    return form.render(form.build(ROLES, role, "form-roles.yaml", **prefill))


def questions(role: Role) -> list[tuple[int, str, str]]:
    view = form.build(ROLES, role, "form-roles.yaml")
    return [(q.number, q.id, q.text) for part in view.parts for q in part.questions]


def test_a_teacher_is_asked_the_teachers_questions_in_the_teachers_words() -> None:
    assert questions(Role.TEACHER) == [
        (
            1,
            "problem-specific",
            "Do you know which problem in your lessons this is meant to fix? </script><script>alert(1)</script>",
        ),
        (2, "single-sign-on", "Can you log in with your usual school account? \"Yes\" & 'no' both help."),
        (3, "works-in-class", "Does it work reliably in lessons, on the devices pupils use?"),
    ]


def test_a_pupil_is_asked_two_questions_in_a_pupils_words_with_no_why() -> None:
    view = form.build(ROLES, Role.PUPIL, "form-roles.yaml")
    assert questions(Role.PUPIL) == [
        (1, "single-sign-on", "Can you log in with your usual school password? 🔑 שלום עולם"),
        (2, "works-in-class", "Does it work when you use it in class?"),
    ]
    assert [part.title for part in view.parts] == ["How we will do it"]  # a section with none asked is left out
    assert all(not q.why for part in view.parts for q in part.questions)
    assert view.pupil
    assert view.key[0] == form.Key("yes", "it is true")


def test_the_senior_leader_is_asked_every_question_in_the_checklists_words() -> None:
    assert [(n, i) for n, i, _ in questions(Role.SENIOR_LEADER)] == list(
        enumerate([item.id for item in ROLES.items], start=1)
    )
    assert questions(Role.SENIOR_LEADER)[0][2] == "Is there a specific, evidenced problem this solves?"


def test_a_critical_question_does_not_offer_doesnt_apply() -> None:
    view = form.build(ROLES, Role.TEACHER, "form-roles.yaml")
    first, second = view.parts[0].questions[0], view.parts[1].questions[0]
    assert first.critical
    assert [c.words for c in first.choices] == ["yes", "partly", "no", "don't know"]
    assert not first.allows_na
    assert [c.value for c in second.choices] == ["yes", "partly", "no", "unknown", "na"]
    assert second.allows_na


def test_the_why_is_its_first_sentence() -> None:
    view = form.build(ROLES, Role.TEACHER, "form-roles.yaml")
    assert view.parts[0].questions[0].why == "Without one, nobody knows what success is."
    assert view.parts[1].questions[1].why == (
        "If it fails in front of a class, teachers stop using it and go back to what they know."
    )


@pytest.mark.parametrize(
    ("why", "first"),
    [
        ("One. Two.", "One."),
        ("Is it? Then no.", "Is it?"),
        ("No full stop", "No full stop"),
        ("Version 1.2 matters. Then more.", "Version 1.2 matters."),
        ("  Spread\nover\tlines.  Next. ", "Spread over lines."),
    ],
)
def test_first_sentence(why: str, first: str) -> None:
    assert form.first_sentence(why) == first


def test_every_piece_of_checklist_text_is_escaped() -> None:
    html = page()
    assert html.count("<script") == 1
    assert html.count("</script>") == 1
    assert "<!--" not in html
    assert "<img" not in html
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;!-- not a comment --&gt;" in html
    assert "&#34;Yes&#34; &amp; &#39;no&#39; both help." in html
    assert 'data-version="1.0 &lt;/script&gt;"' in html
    assert "<title>Questions for teachers: Roles &lt;/script&gt;&lt;!-- &#34;quoted&#34;" in html


def test_right_to_left_text_is_isolated() -> None:
    assert "<bdi>Can you log in with your usual school password? 🔑 שלום עולם</bdi>" in page(Role.PUPIL)


def test_prefilled_fields_are_escaped_values() -> None:
    html = page(school='Oak "<b>" & Co', initiative="Pobble", term="2026-autumn")
    assert 'id="school" value="Oak &#34;&lt;b&gt;&#34; &amp; Co" readonly aria-describedby="filled-in"' in html
    assert 'id="initiative" value="Pobble" readonly' in html
    assert 'id="term" value="2026-autumn" readonly' in html
    assert "Filled in by the person who sent this form" in html


def test_a_prefilled_value_is_the_value_as_given_with_no_markup_of_its_own() -> None:
    html = page(school="מדרסה Oak")  # right-to-left: an input isolates its own text
    assert 'id="school" value="מדרסה Oak" readonly' in html


def test_fields_not_filled_in_are_left_to_the_respondent() -> None:
    html = page(term="2026-autumn")
    assert '<input type="text" id="school" autocomplete="organization">' in html
    assert '<input type="text" id="initiative">' in html
    assert 'id="term" value="2026-autumn" readonly' in html
    assert "Filled in by the person" not in page()


def _between(html: str, start: str, end: str) -> str:
    return html.split(start, 1)[1].split(end, 1)[0]


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def test_the_policy_allows_only_the_pages_own_script_and_style_by_hash() -> None:
    html = page()
    policy = _between(html, '<meta http-equiv="Content-Security-Policy" content="', '">')
    script = _between(html, "<script>", "</script>")
    style = _between(html, "<style>", "</style>")
    assert policy == (
        f"default-src 'none'; script-src {_sha(script)}; style-src {_sha(style)}; form-action 'none'; base-uri 'none'"
    )
    assert html.index("Content-Security-Policy") < html.index("<style>")
    assert " style=" not in html  # an inline style attribute would need 'unsafe-inline'
    assert "form-roles" not in script and "Roles" not in script  # no checklist text in the script


def test_the_script_and_style_are_the_same_for_every_checklist_and_role() -> None:
    shipped = load_checklist(ROOT / "checklists" / "edtech-readiness.yaml")
    other = form.render(form.build(shipped, Role.PUPIL, "edtech-readiness", school="</script>"))
    for start, end in (("<script>", "</script>"), ("<style>", "</style>")):
        assert _between(page(), start, end) == _between(other, start, end)


def test_the_script_escapes_what_the_python_rule_escapes() -> None:
    # Stated twice (the page's script cannot import Python): the two character classes agree.
    source = (ROOT / "templates" / "form.html.j2").read_text(encoding="utf-8")
    in_script = re.search(r"var YAML_UNSAFE = /(\[[^]]+\])/g;", source)
    assert in_script is not None
    assert codecs.decode(in_script.group(1), "unicode_escape") == form._YAML_UNSAFE.pattern


HOSTILE = [
    'He said "yes" \\ C:\\path',
    "line\nbreak\r\nand\ttab",
    "line\u2028separator\u2029paragraph",
    "next\x85line, del\x7f, c1\x9b",
    "📚 emoji, שלום עולם, \u202eevil",
    "</script><!-- -->",
    "# not a comment: {key: [1]} & *alias !tag",
    "\ufeffbom \ufffe\uffff",
    "\x00\x01\x1b[2J",
    "",
    "yes",
    "'single'",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_yaml_string_reads_back_as_written(text: str) -> None:
    assert _read_back(text) == text


@given(st.text(st.characters(exclude_categories=())))  # every code point, lone surrogates too
def test_any_text_reads_back_as_written(text: str) -> None:
    assert _read_back(text) == re.sub("[\ud800-\udfff]", "\ufffd", text)


def _read_back(text: str) -> object:
    written = f"evidence: {form.yaml_string(text)}\n"
    assert "\n" not in written[:-1]  # one line, whatever the text
    return load_document(Path("answers.yaml"), written).data["evidence"]
