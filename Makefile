# Routine tasks; each calls the scripts or the `campaign` command.
.PHONY: setup run test lint translations db-check bench
setup:        ; scripts/setup
run:          ; scripts/demo
test:         ; scripts/test
lint:         ; .venv/bin/ruff check campaign tests bench wsgi.py
translations: ; .venv/bin/campaign translations update
db-check:     ; .venv/bin/campaign db upgrade && .venv/bin/campaign db check
bench:        ; for b in bench/bench_*.py; do .venv/bin/python $$b; done
