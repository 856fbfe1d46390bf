# The portal's two commands: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip install --disable-pip-version-check -q
DEV := DJANGO_DEBUG=true
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test check test-suite lint format migrate seed messages compilemessages bench lighthouse clean

$(VENV)/pyvenv.cfg:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime-installed: requirements.txt | $(VENV)/pyvenv.cfg
	$(PIP) -r requirements.txt
	touch $@

$(VENV)/.tests-installed: requirements.txt tests/requirements.txt | $(VENV)/pyvenv.cfg
	$(PIP) -r tests/requirements.txt
	touch $@ $(VENV)/.runtime-installed

## run: the site with demo content at http://127.0.0.1:8000/ and an admin account
run: $(VENV)/.runtime-installed
	$(DEV) $(PY) manage.py migrate --noinput
	$(DEV) $(PY) manage.py seed_demo
	$(DEV) $(PY) manage.py ensure_admin
	@echo "The site: http://$(HOST):$(PORT)/   The admin: http://$(HOST):$(PORT)/admin/"
	@# The mail worker runs beside the server and stops with it.
	$(DEV) $(PY) manage.py send_enquiry_notifications --loop 10 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(DEV) $(PY) manage.py runserver $(HOST):$(PORT)

## test: the static checks, then the whole suite
test: check test-suite

## check: ruff, the import contract (pyproject.toml) and the migrations check
check: $(VENV)/.tests-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(DEV) $(PY) manage.py makemigrations --check --dry-run

## test-suite: the suite alone
test-suite: $(VENV)/.tests-installed
	$(VENV)/bin/pytest

lint: $(VENV)/.tests-installed
	$(VENV)/bin/ruff check .

format: $(VENV)/.tests-installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## messages: collect new UI strings into portal/locale/zh_Hans (needs gettext)
messages: $(VENV)/.runtime-installed
	$(DEV) $(PY) manage.py makemessages -l zh_Hans --no-obsolete --ignore "staticfiles/*" --ignore "media/*" --ignore "tests/*"

compilemessages: $(VENV)/.runtime-installed
	$(DEV) $(PY) manage.py compilemessages --ignore ".venv"

## bench: load benchmark with gunicorn and wrk on a separate database (see README, Performance)
bench: $(VENV)/.runtime-installed
	$(PY) -u tests/bench/run.py $(BENCH_ARGS)

## lighthouse: Lighthouse (mobile) on the main pages under gunicorn, against the quality budget
lighthouse: $(VENV)/.runtime-installed
	$(PY) -u tests/bench/lighthouse.py $(LIGHTHOUSE_ARGS)

clean:
	rm -rf $(VENV) staticfiles var .pytest_cache .ruff_cache
