"""A chapter's own code, as the learner sees it, for the tests: run in a fresh namespace.

The code is taken from the English source (the translations must have the same code, which
test_chapters checks), split into one notebook per framework by ``seqlab.authoring.split``.
``namespace`` runs the chapter's import cells, then the definitions (imports, functions, classes,
UPPER_CASE constants) of the cells that contain each marker; the statements of those cells that
use the definitions (demos, plots, training) are left out, so a test does not need their data.
"""
import ast

from seqlab import authoring

BOOK = authoring.ROOT / "book" / "en"


def code_cells(chapter: str, framework: str) -> list[str]:
    """The code cells of book/en/<chapter> in the notebook of `framework`, without the generated setup cell."""
    nb = authoring.split(BOOK / chapter)[framework]
    return [c.source for c in nb.cells if c.cell_type == "code" and c.id != authoring.SETUP_CELL_ID]


def definitions(code: str) -> str:
    """The top-level imports, functions, classes and UPPER_CASE constants of a cell, in order."""
    def defines(node):
        if isinstance(node, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.ClassDef)):
            return True
        if isinstance(node, ast.Assign):
            names = [n for t in node.targets for n in ast.walk(t) if isinstance(n, ast.Name)]
            return bool(names) and all(n.id.isupper() for n in names)
        return False

    return "\n\n".join(ast.get_source_segment(code, node) for node in ast.parse(code).body if defines(node))


def namespace(chapter: str, framework: str, markers: list[str]) -> dict:
    """Run the import cells of the chapter (the first code cells, up to the framework's own), then
    the definitions of the one cell that contains each marker. -> the namespace."""
    code = code_cells(chapter, framework)
    ns = {"__name__": chapter.removesuffix(".md").replace("-", "_")}
    framework_import = "import torch" if framework == "pytorch" else "import tensorflow"
    k = next(i for i, c in enumerate(code) if c.startswith(framework_import))
    for cell in code[: k + 1]:
        assert cell.startswith(("import", "from")), f"{chapter}: expected import cells first, found {cell[:40]!r}"
        exec(cell, ns)
    for marker in markers:
        cells = [c for c in code if marker in c]
        assert len(cells) == 1, f"{chapter} ({framework}): expected one code cell with {marker!r}, found {len(cells)}"
        exec(definitions(cells[0]), ns)
    return ns
