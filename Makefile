# Sequence Models: from RNNs to Transformers — the two commands are `make book` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml package-lock.json | cksum | cut -d' ' -f1)
# The oldest versions pyproject.toml declares, installed exactly (see seqlab/authoring/floor.py).
FLOOR  := .venv-floor
FLOOR_STAMP := $(FLOOR)/.installed-$(shell cat requirements.txt pyproject.toml | cksum | cut -d' ' -f1)
# Quiet TensorFlow before it is imported by any kernel or test.
export TF_CPP_MIN_LOG_LEVEL := 3
export TF_ENABLE_ONEDNN_OPTS := 0
export PYTHONHASHSEED := 0

.PHONY: venv floor book test lab notebooks exercises check bench clean

venv: $(STAMP)

$(STAMP): package-lock.json
	npm ci --no-audit --no-fund --silent
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	@rm -f $(VENV)/.installed-*
	@touch $@

floor: $(FLOOR_STAMP)

$(FLOOR_STAMP): $(STAMP)
	@test -x $(FLOOR)/bin/python || $(PYTHON) -m venv $(FLOOR)
	$(FLOOR)/bin/python -m pip install --quiet --upgrade pip
	$(PY) -m seqlab.authoring.floor requirements > $(FLOOR)/requirements.txt
	$(FLOOR)/bin/python -m pip install --quiet -r $(FLOOR)/requirements.txt
	$(FLOOR)/bin/python -m pip install --quiet --no-deps -e .
	@rm -f $(FLOOR)/.installed-*
	@touch $@

## make book: build one book per language (en, de, ja, zh) into _build/html/<lang>/ from the stored outputs
book: venv
	$(PY) -m seqlab.authoring book

## make test: the books; unit, browser and JupyterLab tests; every notebook executed by nbval in
##   quick mode; beside them, the English TensorFlow notebooks on the oldest versions the course declares
test: venv floor
	$(PY) -m seqlab.authoring book
	@# the floor check (one kernel at a time) runs beside pytest's two workers, filling their idle time
	$(FLOOR)/bin/python -m seqlab.authoring.floor run en > _build/floor.log 2>&1 & floor=$$!; \
	SEQLAB_QUICK=1 $(PY) -m pytest tests notebooks -n 2 --dist loadscope \
	  --nbval-lax --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg; status=$$?; \
	wait $$floor; floor_status=$$?; cat _build/floor.log; \
	test $$status -eq 0 && test $$floor_status -eq 0

## make lab: JupyterLab on the notebooks
lab: venv
	$(VENV)/bin/jupyter lab notebooks/

## make notebooks: regenerate and execute every notebook from its chapter source (full mode)
notebooks: venv
	$(PY) -m seqlab.authoring notebooks

## make bench: run every notebook in full mode, time it, collect its headline; then time the built
##   chapter pages on a slow line: assets/benchmarks.json
##   (make bench CHAPTERS="book/en/02-lstm-gru.md ..." re-measures only those chapters)
bench: venv
	$(PY) -m seqlab.bench $(CHAPTERS)
	$(PY) -m seqlab.authoring book
	$(PY) -m seqlab.bench_pages

## make exercises: exercise-only notebooks (solutions removed, stubs and checks kept) for every
##   language and framework, into _build/exercises/<lang>/, to hand out to a class
exercises: venv
	$(PY) -m seqlab.authoring exercises

## make check: are notebooks and translations current? (also part of make test)
check: venv
	$(PY) -m seqlab.authoring check

clean:
	rm -rf _build $(FLOOR)
