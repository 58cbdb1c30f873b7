"""User text made safe to show: the one place every output format and error message calls.

A school's file (or a file's name) is written by someone we do not trust, and what we print is
read on a terminal, in a CI log, in a spreadsheet or in a browser. So:

* control characters (terminal escapes such as ``ESC [2J``, OSC titles, carriage returns,
  backspaces, C1 controls) are shown as visible escapes like ``\\x1b`` and never reach a
  terminal or file raw;
* bidirectional formatting characters (U+202E RIGHT-TO-LEFT OVERRIDE and its kin), which can
  make text display in a different order from how it reads, are shown as escapes like
  ``\\u202e`` in text, Markdown, CSV and messages; HTML keeps them inside ``<bdi>`` instead,
  so right-to-left names still read correctly without reordering their neighbours;
* a single-line field (a name, a question, a path) has its line breaks shown as ``\\n``, so
  it cannot forge a second line such as ``✓ READY`` or ``path:line:col: ...``.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_OR_NEWLINE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")
# Explicit bidi formatting: embeddings, overrides, isolates and marks, and half a UTF-16 pair
# (a file name that is not UTF-8 arrives with these).
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_FORMAT = re.compile(f"[{_BIDI}\ud800-\udfff]")
# Text that can change the order of what is displayed around it: explicit bidi controls, or
# letters of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko, ... and their forms).
_RTL = re.compile(f"[{_BIDI}\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff]")


_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def inert(text: str) -> str:
    """Multi-line text with every control and bidi formatting character shown as an escape."""
    return _FORMAT.sub(_escape, _CONTROL.sub(_escape, text))


def line(text: str) -> str:
    """One line: as ``inert``, and line breaks shown as ``\\n`` too."""
    return _FORMAT.sub(_escape, _CONTROL_OR_NEWLINE.sub(_escape, text))


def controls_only(text: str) -> str:
    """For HTML, where bidi text is isolated with ``<bdi>`` rather than escaped."""
    return _CONTROL.sub(_escape, text)


def needs_isolation(text: str) -> bool:
    """Whether ``text`` could reorder the text displayed around it (HTML wraps it in ``<bdi>``)."""
    return _RTL.search(text) is not None


def quote(text: str) -> str:
    """A value quoted in a message: ``'Oak\\'`` stays one backslash, unlike ``repr``."""
    return f"'{line(text)}'"


_JSON_UNESCAPED = re.compile(f"[\x7f-\x9f{_BIDI}]")


def json_text(dumped: str) -> str:
    """JSON from ``json.dumps(..., ensure_ascii=False)`` with DEL, C1 and bidi controls escaped
    too (JSON itself escapes only C0); they can only occur inside strings, so ``\\uXXXX`` is valid."""
    return _JSON_UNESCAPED.sub(lambda match: f"\\u{ord(match.group()):04x}", dumped)
