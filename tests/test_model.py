from __future__ import annotations

from implcheck.model import Stage


def test_every_stage_says_what_it_means() -> None:
    assert [stage.label for stage in Stage] == ["Explore", "Prepare", "Deliver", "Sustain"]
    assert Stage.DELIVER.meaning == "the first terms of use: support, coaching, and checking it is used as planned"
    assert all(stage.meaning for stage in Stage)
