"""What a stored notebook holds and how it opens: progress bars as text, only the widgets shown,
JSON as JupyterLab writes it, each framework's own widget in the book, plots with alt texts, and
the first cell's version check and quiet TensorFlow import."""
import json
import subprocess
import sys
import textwrap

import matplotlib

matplotlib.use("Agg")
import nbformat  # noqa: E402
import pytest  # noqa: E402

import seqlab  # noqa: E402
from seqlab import env, plot  # noqa: E402
from seqlab.authoring import notebooks as ex  # noqa: E402
from seqlab.authoring.book import _comparable_outputs  # noqa: E402
from seqlab.i18n import t  # noqa: E402

VIEW, STATE = ex.WIDGET_VIEW, ex.WIDGET_STATE


def _run(cells):
    """Execute code cells in a real kernel (as make notebooks does) and post-process them."""
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(textwrap.dedent(c)) for c in cells]
    nb.metadata["seqlab"] = {}
    NotebookClient(nb, kernel_name="python3", timeout=120).execute()
    ex.drop_empty_outputs(nb)
    ex.prune_widget_state(nb)
    ex.as_jupyterlab_writes(nb)
    return nb


@pytest.fixture(scope="module")
def executed():
    return _run([
        """
        from seqlab.progress import trange
        for i in (bar := trange(4, desc="epochs")):
            bar.set_postfix(loss=1 / (i + 1))
        """,
        """
        for i in trange(3, leave=False):
            pass
        print("after")
        """,
        """
        from seqlab.align import AlignmentBrowser
        AlignmentBrowser([{"source": ["a", "b"], "target": ["x"], "weights": [[1.0, 0.0]]}])
        """,
    ])


def test_a_finished_progress_bar_is_stored_as_its_final_line(executed):
    (out,) = executed.cells[0].outputs
    assert out.output_type == "display_data" and set(out.data) == {"text/plain"}
    assert out.data["text/plain"].startswith("epochs: 100%|") and "4/4" in out.data["text/plain"]
    assert "loss=0.25" in out.data["text/plain"]


def test_a_bar_that_does_not_stay_leaves_nothing(executed):
    outs = executed.cells[1].outputs
    assert [o.output_type for o in outs] == ["stream"] and outs[0].text == "after\n"


def test_only_the_widgets_an_output_shows_are_stored(executed):
    state = executed.metadata["widgets"][STATE]["state"]
    shown = executed.cells[2].outputs[0].data[VIEW]["model_id"]
    assert shown in state
    names = sorted(m["model_name"] for m in state.values())
    assert names == ["AnyModel", "LayoutModel"], "no closed progress-bar models, only the browser and its layout"
    assert executed.cells[2].outputs[0].data["text/plain"] == t("align_plain", "en").format(n=1)


def test_json_is_stored_as_jupyterlab_writes_it(executed):
    state = executed.metadata["widgets"][STATE]["state"]
    browser = next(m for m in state.values() if m["model_name"] == "AnyModel")["state"]
    assert browser["examples"][0]["weights"] == [[1, 0]], "whole floats as ints: saving in JupyterLab changes nothing"
    assert json.dumps(ex._ints({"a": [1.0, 2.5, True, {"b": -3.0}]})) == '{"a": [1, 2.5, true, {"b": -3}]}'


def _widget_output(model_id):
    return nbformat.v4.new_output("display_data", data={VIEW: {"model_id": model_id}, "text/plain": "w"})


def test_the_book_keeps_each_frameworks_widget_when_they_differ():
    cell_pt, cell_tf = nbformat.v4.new_code_cell("w"), nbformat.v4.new_code_cell("w")
    cell_pt.outputs, cell_tf.outputs = [_widget_output("aa")], [_widget_output("bb")]
    layout = {"state": {"_model_name": "LayoutModel"}}
    states = {"aa": {"state": {"weights": [0.1], "layout": "IPY_MODEL_la"}}, "la": layout,
              "bb": {"state": {"weights": [0.9], "layout": "IPY_MODEL_lb"}}, "lb": layout,
              "cc": {"state": {"weights": [0.1], "layout": "IPY_MODEL_lb"}}}
    assert _comparable_outputs(cell_pt, states) != _comparable_outputs(cell_tf, states)
    cell_tf.outputs = [_widget_output("cc")]  # the same content under other ids
    assert _comparable_outputs(cell_pt, states) == _comparable_outputs(cell_tf, states)


def test_plots_describe_what_they_show_in_the_notebooks_language():
    fig = plot.curves([1, 2, 3], {"RNN": [0.5, 0.6, 0.7], "LSTM": [0.9, 0.9, 1.0]}, "lag", "accuracy", lang="de")
    text = plot.describe(fig, "de")
    assert t("accuracy", "de") in text and t("lag", "de") in text and "RNN" in text and "LSTM" in text
    heat = plot.alignment(["the", "cat"], ["die", "Katze", "<eos>"], [[1, 0], [0, 1], [0.5, 0.5]], lang="en")
    text = plot.describe(heat, "en")
    assert "Heatmap" in text and "die Katze <eos>" in text and "the cat" in text


def test_the_first_cell_reports_old_libraries_in_the_notebooks_language():
    found = [("keras", "3.8.0", ">=3.12.0"), ("sacrebleu", None, ">=2.0.0")]
    for lang in seqlab.LANGS:
        text = env.report(lang, found)
        assert t("env_too_old", lang).format(name="keras", have="3.8.0",
                                             need=t("env_or_newer", lang).format(version="3.12.0")) in text
        assert '%pip install "keras>=3.12.0" "sacrebleu>=2.0.0"' in text
        assert "Traceback" not in text
    assert env.report("en", []) == ""


def test_the_declared_floor_is_met_here_and_read_from_the_package():
    names = {r.name for r in env.requirements("tensorflow")}
    assert {"numpy", "matplotlib", "keras", "tensorflow", "sacrebleu"} <= names
    assert "tensorflow" not in {r.name for r in env.requirements("pytorch")}
    assert env.problems("tensorflow") == []


def test_tensorflows_start_up_noise_is_dropped_and_other_lines_kept():
    code = textwrap.dedent("""
        import os, sys, types
        sys.modules.pop("noisy", None)
        src = ("import os\\n"
               "os.write(2, b'WARNING: All log messages before absl::InitializeLog() is called are written to STDERR\\\\n')\\n"
               "os.write(2, b'I0000 00:00:1.0  13594 cudart_stub.cc:31] Could not find cuda drivers on your machine, GPU will not be used.\\\\n')\\n"
               "os.write(2, b'something a learner must see\\\\n')\\n")
        open(os.path.join(sys.argv[1], "noisy.py"), "w").write(src)
        sys.path.insert(0, sys.argv[1])
        from seqlab.env import import_quietly
        import_quietly("noisy")
    """)
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        out = subprocess.run([sys.executable, "-c", code, d], capture_output=True, text=True, check=True)
    assert "cuda drivers" not in out.stderr and "absl" not in out.stderr
    assert "something a learner must see" in out.stderr


def test_curves_shade_a_band_per_line_and_reject_bands_that_do_not_fit():
    fig = plot.curves([1, 2, 3], {"a": [0.5, 0.6, 0.7], "b": [0.9, 0.9, 1.0]}, "lag", "accuracy",
                      bands={"a": ([0.4, 0.5, 0.6], [0.6, 0.7, 0.8])})
    ax = fig.axes[0]
    assert len(ax.collections) == 1                      # one shaded band, for "a" only
    assert ax.collections[0].get_facecolor()[0][:3] == pytest.approx(matplotlib.colors.to_rgb(ax.lines[0].get_color()))
    with pytest.raises(ValueError, match="'c', which is not one of the lines"):
        plot.curves([1, 2], {"a": [0.1, 0.2]}, "lag", "accuracy", bands={"c": ([0, 0], [1, 1])})
    with pytest.raises(ValueError, match=r"bands\['a'\] must be \(lows, highs\), each with 2 values"):
        plot.curves([1, 2], {"a": [0.1, 0.2]}, "lag", "accuracy", bands={"a": ([0], [1])})


def test_the_floor_run_names_a_cell_whose_committed_notebook_is_out_of_date():
    import nbformat

    from seqlab.authoring import floor

    ran = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(1)", id="c1")])
    ran.cells[0].outputs = [nbformat.v4.new_output("stream", name="stdout", text="1\n")]
    committed = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("text", id="c1")])
    problems = floor.compare(ran, committed, [])
    assert len(problems) == 1 and "markdown cell in the committed notebook" in problems[0] and "print(1)" in problems[0]
    committed.cells = [nbformat.v4.new_code_cell("print(1)", id="c1")]
    assert floor.compare(ran, committed, []) == []
