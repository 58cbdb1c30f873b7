"""Re-record the interview captures in docs/img/ from the installed command, in tmux.

    python docs/img/record_assess.py            # needs tmux and `implcheck` on PATH

Each capture is a real session in a tmux window 60 or 120 columns wide, driven key by key; the
pane is read with `tmux capture-pane -p`, which drops colour, so the colour session is shown as
plain text. Run it when the interview's screens or the shipped checklist change, and paste the
parts docs/assess.md quotes.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SESSION = "implcheck-record"
# The second session's answers, in question order: mostly yes, with the gaps a real school has.
ANSWERS = {20: "s", 7: "n", 12: "p", 18: "u", 23: "n", 30: "p", 41: "u", 52: "n", 60: "p"}

EVIDENCE = {(3, "y"): "Year 6 writing scores each term", (20, "p"): "Discussed at SLT, not yet minuted"}


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def screen() -> str:
    """Everything the window has shown, scrollback included, without trailing blank lines."""
    return tmux("capture-pane", "-p", "-t", SESSION, "-S", "-").rstrip("\n") + "\n"


def wait_for(pattern: str, timeout: float = 20) -> None:
    """Wait until the last non-blank line of the pane matches `pattern`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        lines = [line for line in screen().splitlines() if line.strip()]
        if lines and re.search(pattern, lines[-1]):
            time.sleep(0.15)
            return
        time.sleep(0.05)
    sys.exit(f"timed out waiting for {pattern!r}; the screen ends:\n{screen()[-2000:]}")


def send(keys: str, *, enter: bool = True) -> None:
    tmux("send-keys", "-t", SESSION, "-l", keys)
    if enter:
        tmux("send-keys", "-t", SESSION, "Enter")


def start(folder: Path, width: int, command: str, *, color: bool) -> None:
    env = "" if color else "NO_COLOR=1 "
    if _running():
        tmux("kill-session", "-t", SESSION)
    tmux("new-session", "-d", "-s", SESSION, "-x", str(width), "-y", "50", "-c", str(folder))
    tmux("set-option", "-t", SESSION, "history-limit", "50000")
    program = shutil.which("implcheck")  # the shell tmux starts may not have our PATH
    send(f'clear; {env}{command.replace("implcheck", str(program), 1)}; echo "[exit $?]"')
    time.sleep(0.3)
    tmux("clear-history", "-t", SESSION)


def _running() -> bool:
    return subprocess.run(["tmux", "has-session", "-t", SESSION], capture_output=True).returncode == 0


QUESTION = r"/\?\]\s*$"  # a question ends with its keys, e.g. "[y/p/n/u/na/?]"


def ended() -> str:
    """The session's screen up to its exit code, once the command has ended."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        text = screen()
        found = re.search(r"^\[exit \d+\]$", text, re.MULTILINE)
        if found:
            tmux("kill-session", "-t", SESSION)
            return text[: found.end()].strip("\n") + "\n"
        time.sleep(0.05)
    sys.exit(f"the session did not end; the screen ends:\n{screen()[-2000:]}")


def finish(name: str) -> None:
    (HERE / name).write_text(ended(), encoding="utf-8")
    print(f"wrote docs/img/{name}")


def first_session(folder: Path, width: int, name: str, *, color: bool) -> None:
    """Context, `?`, a wrong key, `b` back, Enter keeps, don't know, skip, then Ctrl-C."""
    start(folder, width, "implcheck assess -o oak.yaml", color=color)
    for prompt, keys in [
        (r"School:", "Oakfield Primary"),
        (r"Initiative", "Pobble for writing"),
        (r"Term", ""),
        (r"role", "s"),
        (r"name", "A. Leader"),
        (QUESTION, "?"),
        (QUESTION, "y"),
        (r"Evidence", "Writing audit, Y4-6, March"),
        (QUESTION, "maybe"),
        (QUESTION, "p"),  # weight 2: no evidence asked
        (QUESTION, "b"),
        (QUESTION, ""),
        (QUESTION, "u"),  # evidence is asked after a yes or partly only
        (QUESTION, "s"),
    ]:
        wait_for(prompt)
        send(keys)
    wait_for(QUESTION)
    tmux("send-keys", "-t", SESSION, "C-c")
    finish(name)


def second_session(folder: Path, name: str) -> None:
    """Carry on from the first session, answer to the end, take the skipped question, the report."""
    start(folder, 60, "implcheck assess -o oak.yaml", color=False)
    seen: set[int] = set()
    while True:
        wait_for(rf"{QUESTION}|Answer (it|them) now\? \[Y/n\]|report to .* now\? \[y/N\]|^\[exit")
        shown = screen().splitlines()
        last = [line for line in shown if line.strip()][-1]
        if "Answer it now" in last or "Answer them now" in last or "report to" in last:
            send("y")
            if "report to" in last:
                break
            continue
        number = int(re.findall(r"· (\d+) of \d+", "\n".join(shown))[-1])
        key = "p" if number in seen else ANSWERS.get(number, "y")
        seen.add(number)
        send(key)
        # Evidence is asked only where the verdict rests on it (a yes or partly on a critical or
        # weight-3 question): wait for whichever comes next.
        wait_for(rf"Evidence|{QUESTION}|Answer (it|them) now\? \[Y/n\]|report to .* now\? \[y/N\]|^\[exit")
        if re.search(r"Evidence", [line for line in screen().splitlines() if line.strip()][-1]):
            send(EVIDENCE.get((number, key), ""))
    finish(name)


def restart_session(folder: Path) -> str:
    start(folder, 60, "implcheck assess -o oak.yaml --restart", color=False)
    wait_for(r"\[y/N\]")
    send("n")
    return ended()


def main() -> None:
    if not shutil.which("tmux") or not shutil.which("implcheck"):
        sys.exit("needs tmux and implcheck on PATH")
    with tempfile.TemporaryDirectory() as one, tempfile.TemporaryDirectory() as two:
        first_session(Path(one), 60, "assess-60-nocolor.txt", color=False)
        second_session(Path(one), "assess-60-finish.txt")
        print(restart_session(Path(one)))
        first_session(Path(two), 120, "assess-120-color.txt", color=True)


if __name__ == "__main__":
    main()
