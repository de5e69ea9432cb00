"""Executing notebooks: ``execute`` runs one with nbclient (full mode unless asked for quick),
``make_notebooks`` splits, executes and writes the notebooks of chapter sources."""
from __future__ import annotations

import os
import time
from pathlib import Path

from .sources import _rel, notebook_path, split

def execute(nb, cwd: Path, quick: bool = False, timeout: int = 900):
    """Execute a notebook in place with nbclient, in full mode unless ``quick``."""
    from nbclient import NotebookClient

    env_before = os.environ.get("SEQLAB_QUICK")
    os.environ["SEQLAB_QUICK"] = "1" if quick else "0"
    try:
        client = NotebookClient(
            nb, timeout=timeout, kernel_name="python3", record_timing=False,
            resources={"metadata": {"path": str(cwd)}},
        )
        client.execute()
    finally:
        if env_before is None:
            os.environ.pop("SEQLAB_QUICK", None)
        else:
            os.environ["SEQLAB_QUICK"] = env_before
    nb.metadata["seqlab"]["mode"] = "quick" if quick else "full"
    return nb


def make_notebooks(sources: list[Path], quick: bool = False) -> list[tuple[Path, float]]:
    """Split, execute and write the notebooks of ``sources``; returns (path, seconds) pairs."""
    import nbformat

    done = []
    for src in sources:
        for fw, nb in split(src).items():
            path = notebook_path(src, fw)
            path.parent.mkdir(parents=True, exist_ok=True)
            start = time.perf_counter()
            print(f"executing {_rel(path)} ...", flush=True)
            execute(nb, path.parent, quick=quick)
            seconds = time.perf_counter() - start
            nbformat.write(nb, path)
            print(f"  wrote {_rel(path)} ({seconds:.1f} s)", flush=True)
            done.append((path, seconds))
    return done


