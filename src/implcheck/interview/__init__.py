"""The interview behind ``implcheck assess``, one job per module:

- ``decide``: pure decisions (what a typed key means, what may be the answer, which item is
  next, how the session is counted, how the command-line context and the file's agree); no I/O.
- ``session``: the answers file being filled in (load or start it, record, save atomically).
- ``conversation``: ``Interview``, which asks the questions and records the answers.
- ``glossary``: plain words for the stages and the terms the checklists use (data only).
- ``signals``: the terminal as a device: reading a line, signals and a terminal that goes away.
- ``outcome``: the end: the verdict screen, the governors' report, how each way of stopping ends.

``commands/assess.py`` is the command: it opens the session and runs the conversation.
"""
