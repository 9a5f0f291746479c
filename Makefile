# Onramp: `make run` serves the demo, `make test` runs the suite. Needs only Python 3.11 (or newer).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/onramp
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: install node-deps browser-deps run run-stack test test-sqlite test-postgres test-both lint bench clean eval-search eval-experts

$(STAMP): pyproject.toml uv.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==0.13.8
	$(BIN)/uv sync --frozen --inexact --quiet --extra semantic
	@touch $@

install: $(STAMP)

# `make run PORT=8123` serves on another port; the links in the demo's notifications name it too.
PORT ?= 8000
RUN_ENV = WAGTAILADMIN_BASE_URL=$${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:$(PORT)}

run: install
	$(BIN)/python manage.py migrate --noinput
	$(RUN_ENV) $(BIN)/python manage.py load_demo
	@echo "Onramp is starting on http://127.0.0.1:$(PORT) (admin: http://127.0.0.1:$(PORT)/admin/)"
	$(RUN_ENV) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# The production stack on this machine: gunicorn, a Celery worker and beat (see Procfile) on PostgreSQL and
# Redis, with production settings over plain HTTP on 127.0.0.1:8000.
STACK_SECRET = $(shell test -s .stack-secret || $(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > .stack-secret; cat .stack-secret)
STACK_ENV = DJANGO_SETTINGS_MODULE=onramp.settings.production SECRET_KEY=$(STACK_SECRET) HTTPS=false \
	ALLOWED_HOSTS=127.0.0.1,localhost WAGTAILADMIN_BASE_URL=http://127.0.0.1:8000 DATABASE_URL=$${STACK_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/onramp_stack} \
	REDIS_URL=redis://127.0.0.1:6379/1 CELERY_BROKER_URL=redis://127.0.0.1:6379/2 CELERY_RESULT_BACKEND=redis://127.0.0.1:6379/2

run-stack: install
	$(STACK_ENV) $(BIN)/python deploy/ensure_database.py
	$(STACK_ENV) $(BIN)/python manage.py migrate --noinput
	$(STACK_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(STACK_ENV) $(BIN)/python manage.py load_demo --force
	@echo "Onramp (gunicorn, Celery worker and beat) is starting on http://127.0.0.1:8000"
	$(STACK_ENV) $(BIN)/python deploy/run_stack.py

# The import contracts in pyproject.toml keep the apps layered (README: "How the code is layered").
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache --no-logo

# On CI (CI=true) the suite runs on PostgreSQL as well as on SQLite, both passes at once (test-both).
test: install lint
	DJANGO_SETTINGS_MODULE=onramp.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	@if [ "$$CI" = "true" ]; then $(MAKE) --no-print-directory test-both; else $(MAKE) --no-print-directory test-sqlite; fi

# The single sign-on tests start the npm package oidc-provider (locked in package-lock.json) with node.
node-deps:
	@test -f node_modules/oidc-provider/package.json || ! command -v npm >/dev/null || npm ci --no-audit --no-fund

# The whole suite runs on SQLite, Onramp's default. The PostgreSQL pass runs what needs PostgreSQL or
# behaves differently on it: services tests (a real Celery worker on Redis), the handbook corpus import,
# the browser journeys against the production stack, and tests marked `postgres` (search ranking, races).
# It prints the coverage of Onramp's packages (settings in pyproject.toml).
# The PostgreSQL pass runs with --dist loadgroup: the browser journeys (one stack) and tests/demo (one load of
# the demo) each run on one worker. The SQLite pass spreads tests/demo over both workers: the first loads the
# demo and keeps a copy of the loaded database, the other starts from that copy (tests/migrated_databases.py).
SQLITE_PASS = DATABASE_URL= $(BIN)/pytest -n 2 -m "not services and not corpus and not browser" \
	--durations=10 --cov --cov-report=term:skip-covered
POSTGRES_PASS = DATABASE_URL=$(PG_TEST_URL) $(BIN)/pytest -n 2 --dist loadgroup --create-db --durations=10 \
	-m "services or corpus or browser or postgres"

test-sqlite: install node-deps
	$(SQLITE_PASS)

# The browser journeys need Debian's Chromium and axe-core (from npm, locked in package-lock.json).
browser-deps:
	@command -v chromium >/dev/null || apt-get install -y --no-install-recommends chromium \
		|| (apt-get update && apt-get install -y --no-install-recommends chromium)
	@test -f node_modules/axe-core/axe.min.js || npm ci --no-audit --no-fund

test-postgres: install browser-deps
	$(POSTGRES_PASS)

# Both passes at once: the PostgreSQL pass spends much of its time waiting on gunicorn, Chromium, Celery workers
# and the database server, which the SQLite pass fills. Once its database is migrated, the SQLite pass runs at a
# lower priority (ONRAMP_TEST_NICENESS, read by conftest.py): it is plain computing that can wait, while the
# browser journeys are one long chain of steps each waiting on the last. The PostgreSQL pass's output is printed
# when both are done.
test-both: install node-deps browser-deps
	@mkdir -p test-artifacts
	@( $(POSTGRES_PASS) > test-artifacts/postgres-pass.log 2>&1; echo $$? > test-artifacts/postgres-pass.status ) & \
	ONRAMP_TEST_NICENESS=10 $(SQLITE_PASS); sqlite=$$?; wait; \
	echo; echo "PostgreSQL pass (services, corpus, browser, postgres):"; cat test-artifacts/postgres-pass.log; \
	test $$sqlite -eq 0 && test "$$(cat test-artifacts/postgres-pass.status)" -eq 0

# The load test drives gunicorn with wrk (Debian's package).
bench: install
	@command -v wrk >/dev/null || apt-get install -y --no-install-recommends wrk \
		|| (apt-get update && apt-get install -y --no-install-recommends wrk)
	$(BIN)/python bench/run.py

# Ask's quality on the real handbook: MRR@10 and recall@5 of our own questions (search/eval/questions.toml).
eval-search: install
	$(BIN)/python search/eval/run.py

# Who knows on the handbook's real history, held out in time: Onramp beside two baselines (MRR, precision at 5).
eval-experts: install
	$(BIN)/python expertise/eval/run.py

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm static media test-artifacts bench/data .coverage .coverage.*
