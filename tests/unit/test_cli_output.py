"""The CLI's aligned tables: columns line up by terminal width, wide characters count two."""

from __future__ import annotations

import pytest

from app.cli.output import _width, print_table


@pytest.mark.parametrize(
    ("text", "width"),
    [("", 0), ("ARDHS-2026-0007", 15), ("Zoë Ávila", 9), ("山田太郎", 8), ("Ｘ post", 7)],
)
def test_width_counts_terminal_columns(text: str, width: int) -> None:
    assert _width(text) == width


def test_columns_line_up_with_wide_and_plain_cells(capsys: pytest.CaptureFixture[str]) -> None:
    print_table(("Name", "Case"), [("山田太郎", "A-1"), ("Ann", "B-22"), ("Zoë", None)])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Name      Case"
    assert lines[1] == "--------  ----"
    assert lines[2] == "山田太郎  A-1"
    assert lines[3] == "Ann       B-22"
    assert lines[4] == "Zoë"
