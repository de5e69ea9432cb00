"""The generated first cell of every notebook calls ``seqlab.env.check(LANG, FRAMEWORK)``.

- **Versions.** Colab and other ready-made environments keep their own TensorFlow, Keras, numpy
  and matplotlib, and installing ``seqlab`` upgrades none of them. ``check`` compares what is
  installed with the minimum versions that ``seqlab`` declares (``pyproject.toml``: the
  dependencies, and the ``tensorflow`` extra for the TensorFlow notebooks, read back from the
  installed package's metadata) and prints, in the notebook's language, what is too old or
  missing and the one command that fixes it. It prints; it raises nothing, so no traceback.
- **A quiet TensorFlow.** TensorFlow writes C++ log lines to the process's stderr while it is
  imported, before its own log level applies ("Could not find cuda drivers on your machine, GPU
  will not be used." on every machine without a GPU, and more on Colab's). A learner cannot act on
  them, so ``check`` imports TensorFlow once with that output captured, drops the lines known to be
  such noise (``NOISE``) and passes any other line on.
"""
from __future__ import annotations

import importlib
import os
import re
import sys
import tempfile

from .i18n import t

# Lines that TensorFlow's C++ side writes at import time and that need no action.
NOISE = re.compile("|".join([
    r"All log messages before absl::InitializeLog\(\) is called are written to STDERR",
    r"cudart_stub\.cc.*Could not find cuda drivers",
    r"Unable to register cu(DNN|FFT|BLAS) factory",
    r"computation_placer\.cc.*already registered",
    r"TF-TRT Warning: Could not find TensorRT",
    r"This TensorFlow binary is optimized to use available CPU instructions",
    r"To enable the following instructions:",
    r"oneDNN custom operations are on",
    r"cuda_(blas|dnn|fft)\.cc.*Unable to register",
]))
EXTRAS = {"tensorflow": "tensorflow", "pytorch": None}  # the extra each framework's notebooks install


def requirements(framework: str) -> list:
    """The declared requirements that a notebook of ``framework`` needs (``packaging`` objects)."""
    from importlib.metadata import PackageNotFoundError, requires

    from packaging.requirements import Requirement

    try:
        declared = requires("seqlab") or []
    except PackageNotFoundError:  # seqlab imported from a source tree that is not installed
        return []
    wanted = []
    for line in declared:
        req = Requirement(line)
        extra = EXTRAS.get(framework)
        if req.marker is None or (extra and req.marker.evaluate({"extra": extra})):
            wanted.append(req)
    return wanted


def problems(framework: str) -> list[tuple[str, str | None, str]]:
    """``(name, installed version or None, required specifier)`` for each unmet requirement."""
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for req in requirements(framework):
        try:
            have = version(req.name)
        except PackageNotFoundError:
            found.append((req.name, None, str(req.specifier)))
            continue
        if req.specifier and not req.specifier.contains(have, prereleases=True):
            found.append((req.name, have, str(req.specifier)))
    return found


def report(lang: str, found) -> str:
    """What ``check`` prints about unmet requirements, in ``lang``; empty when all are met."""
    if not found:
        return ""
    lines = []
    for name, have, need in found:
        readable = need
        if re.fullmatch(r">=[0-9][0-9.]*", need):  # the usual case: say "3.12 or newer"
            readable = t("env_or_newer", lang).format(version=need[2:])
        if have is None:
            lines.append(t("env_missing", lang).format(name=name, need=readable))
        else:
            lines.append(t("env_too_old", lang).format(name=name, have=have, need=readable))
    command = "%pip install " + " ".join(f'"{name}{need}"' for name, _, need in found)
    return "\n".join(lines) + "\n\n" + t("env_fix", lang) + "\n\n    " + command + "\n"


def import_quietly(name: str):
    """Import module ``name`` with the process's stderr captured; pass on what is not ``NOISE``."""
    if name in sys.modules:
        return sys.modules[name]
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (AttributeError, OSError, ValueError):  # no real stderr to capture
        return importlib.import_module(name)
    with tempfile.TemporaryFile() as captured:
        os.dup2(captured.fileno(), 2)
        try:
            module = importlib.import_module(name)
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        captured.seek(0)
        text = captured.read().decode("utf-8", errors="replace")
    kept = [line for line in text.splitlines() if line.strip() and not NOISE.search(line)]
    if kept:
        print("\n".join(kept), file=sys.stderr)
    return module


def check(lang: str, framework: str) -> None:
    """The first cell's check (see the module docstring): prints what is wrong, if anything."""
    found = problems(framework)
    if found:
        print(report(lang, found))
    if framework == "tensorflow" and not any(name in ("tensorflow", "keras") for name, *_ in found):
        try:
            import_quietly("tensorflow")
        except ImportError:
            pass  # the chapter's own import says why
