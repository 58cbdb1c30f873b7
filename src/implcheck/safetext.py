"""User text made safe to show: the one place every output format and error message calls.

A school's file (or a file's name) is written by someone we do not trust, and what we print is
read on a terminal, in a CI log, in a spreadsheet or in a browser. So:

* control characters (terminal escapes such as ``ESC [2J``, OSC titles, carriage returns,
  backspaces, C1 controls) are shown as visible escapes like ``\\x1b`` and never reach a
  terminal or file raw;
* bidirectional formatting characters (U+202E RIGHT-TO-LEFT OVERRIDE and its kin), which can
  make text display in a different order from how it reads, are shown as escapes like
  ``\\u202e`` in text, Markdown, CSV and messages; HTML keeps them inside ``<bdi>`` instead
  (written as character references such as ``&#x202e;``, so the file holds none raw), so
  right-to-left names still read correctly without reordering their neighbours;
* invisible padding (zero-width characters, the braille blank U+2800, Hangul fillers, soft
  hyphens, line and paragraph separators), which can push text onto a line of its own or hide a
  word, is shown as escapes like ``\\u2800`` too;
* a single-line field (a name, a question, a path) has its line breaks shown as ``\\n``, so
  it cannot forge a second line such as ``✓ READY`` or ``path:line:col: ...``.

And one rule holds for every output as a whole, stdout, stderr and files, in every format
(``for_logs``, applied once to each output where it is made): a GitHub Actions runner obeys a
line of a step's log that starts, after spaces, with ``::`` (``::add-mask::``,
``::stop-commands::``), and ``##[`` anywhere in a line (``##[add-mask]``). So no line of ours
starts with ``::`` and none holds ``##[``: where school or checklist text would make one, the
first ``:`` or ``#`` is written as the format's own escape for it (``\\x3a`` in text, ``&#58;``
in Markdown, HTML and XML, ``\\u003a`` in JSON and YAML strings). Only ``-f github``
writes commands, its own, with the user text inside them escaped as the runner requires.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# C0 controls but tab and newline, DEL, C1 controls.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_OR_NEWLINE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")
# Explicit bidi formatting: embeddings, overrides, isolates and marks, and half a UTF-16 pair
# (a file name that is not UTF-8 arrives with these).
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# Invisible padding: characters that draw nothing (or a blank) yet are not whitespace, so they
# neither collapse nor wrap like spaces: soft hyphen, combining grapheme joiner, Hangul and
# Khmer fillers, Mongolian vowel separator, zero-width space and joiners, line and paragraph
# separators, word joiner and invisible operators, deprecated format characters, braille blank,
# byte-order mark, interlinear annotation marks and tag characters.
_INVISIBLE = (
    "\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200d\u2028\u2029\u2060-\u2064"
    "\u206a-\u206f\u2800\u3164\ufeff\uffa0\ufff9-\ufffb\U000e0000-\U000e007f"
)
HIDDEN = _BIDI + _INVISIBLE  # for a character class: what is never shown raw outside HTML
_FORMAT = re.compile(f"[{HIDDEN}\ud800-\udfff]")
_CONTROL_OR_INVISIBLE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_INVISIBLE}]")
# Text that can change the order of what is displayed around it: explicit bidi controls, or
# letters of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko, ... and their forms).
_RTL = re.compile(f"[{_BIDI}\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff]")


_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def inert(text: str) -> str:
    """Multi-line text with every control and bidi formatting character shown as an escape."""
    return _FORMAT.sub(_escape, _CONTROL.sub(_escape, text))


def line(text: str) -> str:
    """One line: as ``inert``, and line breaks shown as ``\\n`` too."""
    return _FORMAT.sub(_escape, _CONTROL_OR_NEWLINE.sub(_escape, text))


def controls_only(text: str) -> str:
    """For HTML, where bidi text is isolated with ``<bdi>`` rather than escaped (controls and
    invisible padding are still shown as escapes)."""
    return _CONTROL_OR_INVISIBLE.sub(_escape, text)


_BIDI_CHARACTER = re.compile(f"[{_BIDI}]")


def bidi_references(html: str) -> str:
    """HTML with each bidi formatting character written as a character reference (``&#x202e;``):
    a browser reads the same text, isolated in ``<bdi>``, while the file itself, printed in a CI
    log or a terminal, holds none raw to reorder the line it is on."""
    return _BIDI_CHARACTER.sub(lambda match: f"&#x{ord(match.group()):x};", html)


def needs_isolation(text: str) -> bool:
    """Whether ``text`` could reorder the text displayed around it (HTML wraps it in ``<bdi>``)."""
    return _RTL.search(text) is not None


def quote(text: str) -> str:
    """A value quoted in a message: ``'Oak\\'`` stays one backslash, unlike ``repr``."""
    return f"'{line(text)}'"


_JSON_UNESCAPED = re.compile(f"[\x7f-\x9f{_BIDI}{_INVISIBLE}]")


def json_text(dumped: str) -> str:
    """JSON from ``json.dumps(..., ensure_ascii=False)`` with DEL, C1 and bidi controls escaped
    too (JSON itself escapes only C0); they can only occur inside strings, so ``\\uXXXX`` is valid."""
    return _JSON_UNESCAPED.sub(lambda match: "".join(f"\\u{unit:04x}" for unit in _utf16(match.group())), dumped)


def _utf16(char: str) -> list[int]:
    """``char`` as JSON writes it: one code unit, or a surrogate pair beyond U+FFFF."""
    encoded = char.encode("utf-16-be", "surrogatepass")
    return [int.from_bytes(encoded[i : i + 2], "big") for i in range(0, len(encoded), 2)]


@dataclass(frozen=True, slots=True)
class Spelling:
    """How a format writes ``:`` and ``#`` so that they read the same but are not the characters."""

    colon: str
    hash: str


TEXT = Spelling("\\x3a", "\\x23")  # shown, as controls are: text, CSV, messages on stderr
MARKUP = Spelling("&#58;", "&#35;")  # HTML and XML character references
# CommonMark reads character references too (a backslash escape would not do: ``\#`` before
# ``#[`` still leaves ``##[`` in the text).
MARKDOWN = MARKUP
JSON = Spelling("\\u003a", "\\u0023")  # inside a JSON string or a YAML double-quoted one

# What a runner reads as a workflow command: ``::`` first on a line, after spaces (a line ends
# at LF or CR), and ``##[`` anywhere.
RUNNER_COMMAND = re.compile(r"(?:^|(?<=\r))[^\S\r\n]*::|##\[", re.MULTILINE)
_COMMAND_START = re.compile(r"((?:^|(?<=\r))[^\S\r\n]*):(?=:)|#(?=#\[)", re.MULTILINE)


def for_logs(text: str, spelling: Spelling = TEXT, *, commands: bool = False) -> str:
    """The whole output, made so no line starts with ``::`` and none holds ``##[`` (see above).
    ``commands``: the output is ``-f github``'s, whose lines starting ``::`` are its own commands."""

    def escape(match: re.Match[str]) -> str:
        if match.group(1) is None:
            return spelling.hash
        return match.group() if commands else match.group(1) + spelling.colon

    return _COMMAND_START.sub(escape, text)
