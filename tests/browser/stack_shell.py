"""A Django shell on the browser stack's database that stays up for the whole run of the journeys.

tests/browser/conftest.py starts it with the stack's environment and sends one JSON request per line:
{"imports": "...", "expression": "..."}. It answers each with one JSON line, {"value": ...} or {"error": "..."}.
Starting Django takes seconds, so one process serves every check a journey makes behind the pages."""

import json
import sys
import traceback

import django


def main() -> None:
    django.setup()
    from django.db import close_old_connections

    for line in sys.stdin:
        request = json.loads(line)
        namespace: dict = {}
        try:
            exec(request["imports"], namespace)  # noqa: S102 - the test suite's own statements
            value = eval(request["expression"], namespace)  # noqa: S307 - the test suite's own expressions
            answer = {"value": value}
        except Exception:  # every failure goes back to the test that asked, with its traceback
            answer = {"error": traceback.format_exc()}
        finally:
            close_old_connections()
        print(json.dumps(answer, default=str), flush=True)


if __name__ == "__main__":
    main()
