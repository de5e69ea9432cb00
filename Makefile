# Sequence Models: from RNNs to Transformers — the two commands are `make book` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml package-lock.json | cksum | cut -d' ' -f1)
# Quiet TensorFlow before it is imported by any kernel or test.
export TF_CPP_MIN_LOG_LEVEL := 3
export TF_ENABLE_ONEDNN_OPTS := 0
export PYTHONHASHSEED := 0

.PHONY: venv book test lab notebooks check bench clean

venv: $(STAMP)

$(STAMP): package-lock.json
	npm ci --no-audit --no-fund --silent
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	@rm -f $(VENV)/.installed-*
	@touch $@

## make book: build the English and German books into _build/html/<lang>/ from the stored outputs
book: venv
	$(PY) -m seqlab.authoring book

## make test: unit tests, notebook checks, every notebook executed by nbval in quick mode, the books
test: venv
	$(PY) -m seqlab.authoring book
	SEQLAB_QUICK=1 $(PY) -m pytest tests notebooks -n 2 --dist loadscope \
	  --nbval-lax --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

## make lab: JupyterLab on the notebooks
lab: venv
	$(VENV)/bin/jupyter lab notebooks/

## make notebooks: regenerate and execute every notebook from its chapter source (full mode)
notebooks: venv
	$(PY) -m seqlab.authoring notebooks

## make bench: run every notebook in full mode, time it, collect its headline: assets/benchmarks.json
##   (make bench CHAPTERS="book/en/02-lstm-gru.md ..." re-measures only those chapters)
bench: venv
	$(PY) -m seqlab.bench $(CHAPTERS)

## make check: are notebooks and translations current? (also part of make test)
check: venv
	$(PY) -m seqlab.authoring check

clean:
	rm -rf _build
