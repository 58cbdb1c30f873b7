# The few targets a newcomer needs. `make help` lists them.
PY := .venv/bin/python

.PHONY: help install demo test test-all lint fmt types docs history golden bench roles bars ci

help:
	@echo "install  create .venv and install implcheck with test and dev tools"
	@echo "demo     check the bundled example (shows a verdict)"
	@echo "test     run the tests with coverage, leaving out the slow ones (about a minute)"
	@echo "test-all run every test, slow ones too (the hostile corpus, browser, terminal, wheel)"
	@echo "lint     ruff lint and format check;  fmt: apply formatting"
	@echo "types    mypy --strict on src/ and tests/"
	@echo "docs     regenerate docs/checklists.md, and the generated blocks in README, docs/scoring.md and docs/ci.md"
	@echo "history  record each shipped checklist version's items in checklists/history.json (after a version bump)"
	@echo "golden   re-record tests/golden/ after a deliberate change of output (review the diff)"
	@echo "bench    issue 11's speed targets as ratios (start-up, portfolio, report)"
	@echo "roles    each role's questions, words and minutes against issue 19's targets"
	@echo "bars     every issue's done-when bars, PASS or FAIL each (benchmarks/bars.py)"
	@echo "ci       what CI runs (.ci/run)"

.venv/bin/python:
	python3.11 -m venv .venv

install: .venv/bin/python
	$(PY) -m pip install -q -e '.[dev]'

demo:
	.venv/bin/implcheck check examples/edtech-readiness/trap.yaml || true

test:
	$(PY) -m pytest

test-all:
	$(PY) -m pytest -m "slow or not slow" -n 0

lint:
	.venv/bin/ruff check src tests benchmarks
	.venv/bin/ruff format --check src tests benchmarks

fmt:
	.venv/bin/ruff format src tests benchmarks

types:
	.venv/bin/mypy --strict src tests

docs:
	$(PY) -m implcheck.docs > docs/checklists.md
	$(PY) -m implcheck.docs --blocks README.md docs/scoring.md docs/ci.md

history:
	$(PY) benchmarks/checklist_history.py

golden:
	IMPLCHECK_UPDATE_GOLDEN=1 $(PY) -m pytest -q --no-cov tests/test_golden.py

bench:
	$(PY) benchmarks/bench.py

roles:
	$(PY) benchmarks/roles.py
bars:
	$(PY) benchmarks/bars.py

ci:
	bash .ci/run
