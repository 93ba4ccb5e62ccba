#!/usr/bin/env python3
"""Executes every notebook in notebooks/ headless and fails if any cell fails.

Each notebook must be committed with its outputs cleared (so nothing stale is
stored), must run to the end with FACTCHECK_BIN pointing at the built program, and
every cell that shows a figure must display one (a PNG). The notebooks' own last
cells assert what they computed against the report's summary.

The kernel is the Python running this script (Debian's /usr/bin/python3, found by
tests/CMakeLists.txt), pinned through a kernelspec of our own: a python3 kernelspec
elsewhere on the machine (a pyenv or user install without pandas) is not used. Jupyter's
and IPython's folders are temporary, so the run neither reads nor writes the user's.

Usage: run_notebooks.py SOURCE_DIR FACTCHECK OUTPUT_DIR
The executed notebooks are written to OUTPUT_DIR (in the build tree), for reading."""
import glob
import json
import os
import subprocess
import sys
import tempfile

CELL_TIMEOUT = 120  # seconds per cell; the whole claims/ notebook takes a few


def stored_outputs(nb):
    """The code cells of a notebook that carry outputs or an execution count."""
    return [i for i, c in enumerate(nb["cells"]) if c["cell_type"] == "code"
            and (c.get("outputs") or c.get("execution_count") is not None)]


def problems_after_run(nb):
    """Errors left in an executed notebook, and figure cells that showed no figure."""
    found = []
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        outputs = cell.get("outputs", [])
        for out in outputs:
            if out["output_type"] == "error":
                found.append(f"cell {i}: {out['ename']}: {out['evalue']}")
        if "plt.show()" in "".join(cell["source"]) and not any(
                "image/png" in out.get("data", {}) for out in outputs):
            found.append(f"cell {i} calls plt.show() but displayed no figure")
    return found


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    src, factcheck, outdir = (os.path.abspath(a) for a in sys.argv[1:])
    notebooks = sorted(glob.glob(os.path.join(src, "notebooks", "*.ipynb")))
    if not notebooks:
        sys.exit(f"{src}/notebooks: no notebook to run")
    os.makedirs(outdir, exist_ok=True)
    failed = 0
    with tempfile.TemporaryDirectory(prefix="fc-notebooks-") as tmp:
        kernel_dir = os.path.join(tmp, "jupyter", "kernels", "python3")
        os.makedirs(kernel_dir)
        with open(os.path.join(kernel_dir, "kernel.json"), "w", encoding="utf-8") as f:
            json.dump({"argv": [sys.executable, "-m", "ipykernel_launcher",
                                "-f", "{connection_file}"],
                       "display_name": "Python 3 (ipykernel)", "language": "python"}, f)
        env = dict(os.environ,
                   FACTCHECK_BIN=factcheck,
                   JUPYTER_PATH=os.path.join(tmp, "jupyter"),  # searched first
                   JUPYTER_CONFIG_DIR=os.path.join(tmp, "config"),
                   JUPYTER_DATA_DIR=os.path.join(tmp, "data"),
                   JUPYTER_RUNTIME_DIR=os.path.join(tmp, "runtime"),
                   IPYTHONDIR=os.path.join(tmp, "ipython"),
                   MPLBACKEND="Agg",
                   PYDEVD_DISABLE_FILE_VALIDATION="1")
        for path in notebooks:
            name = os.path.relpath(path, src)
            with open(path, encoding="utf-8") as f:
                stale = stored_outputs(json.load(f))
            if stale:
                print(f"{name}: code cells {stale} are stored with outputs; clear them "
                      "(jupyter nbconvert --clear-output --inplace)")
            run = subprocess.run(
                [sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute",
                 "--ExecutePreprocessor.kernel_name=python3",
                 f"--ExecutePreprocessor.timeout={CELL_TIMEOUT}",
                 "--output-dir", outdir, path],
                env=env, capture_output=True, text=True, timeout=600)
            if run.returncode != 0:  # nbconvert stops at the first failing cell
                print(f"{name}: execution failed (status {run.returncode})")
                print(run.stdout[-4000:] + run.stderr[-8000:])
                failed += 1
                continue
            with open(os.path.join(outdir, os.path.basename(path)), encoding="utf-8") as f:
                executed = json.load(f)
            problems = problems_after_run(executed)
            for p in problems:
                print(f"{name}: {p}")
            failed += bool(problems or stale)
            code = [c for c in executed["cells"] if c["cell_type"] == "code"]
            figures = sum("image/png" in out.get("data", {})
                          for c in code for out in c["outputs"])
            last = ["".join(out["text"]) for out in code[-1]["outputs"]
                    if out.get("name") == "stdout"]
            print(f"{name}: {'FAILED' if problems or stale else 'ran'}, {figures} figures; "
                  f"last cell: {''.join(last).strip()}")
    print(f"{len(notebooks)} notebooks, {failed} failures")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
