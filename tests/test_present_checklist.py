"""The checklist as shown to people (``implcheck show``, docs/checklists.md): who is asked each question."""

from __future__ import annotations

from dataclasses import replace

from helpers import MINI
from implcheck.load import load_checklist
from implcheck.model import Role
from implcheck.present.checklist import asked_of, render_markdown


def test_an_item_with_no_ask_is_asked_of_every_role() -> None:
    item = load_checklist(MINI).items[0]
    assert asked_of(item) == ["  - *Asked of:* senior leader, teacher, IT lead, governor, pupil"]


def test_the_leader_is_always_asked_and_each_role_s_own_words_are_shown() -> None:
    item = replace(
        load_checklist(MINI).items[0],
        ask=(Role.PUPIL, Role.IT),
        wording=((Role.PUPIL, "Can you log in *on your own*?"),),
    )
    assert asked_of(item) == [
        "  - *Asked of:* senior leader, IT lead, pupil",
        "  - *Wording for the pupil:* Can you log in \\*on your own\\*?",
    ]


def test_the_markdown_says_who_is_asked_before_why() -> None:
    markdown = render_markdown(load_checklist(MINI))
    assert "  - *Asked of:* senior leader, teacher, IT lead, governor, pupil\n  - *Why:*" in markdown
