"""What execute.py's check_outputs calls broken in an executed notebook, on made-up cells.

    python3 tools/test_execute.py        last line: `outputs: N passed, M failed`
"""

import pathlib
import sys

import nbformat

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import execute  # noqa: E402

# What lesson 04 printed under a 2 GB limit before the off-heap collector (the book, 2026-11-29), shortened.
ND4J_ERROR = ("ERROR org.nd4j.linalg.cpu.nativecpu.ops.NativeOpExecutioner - Failed to execute op batchnorm_bp.\n"
              "WARN org.deeplearning4j.nn.layers.normalization.BatchNormalization - CuDNN BatchNormalization "
              "backprop execution failed - falling back on built-in implementation\n")
FRAMES = ("java.lang.RuntimeException: Op [batchnorm_bp] execution failed\n"
          "\tat org.nd4j.linalg.factory.Nd4j.exec(Nd4j.java:6545)\n"
          "\tat gancourse.training.GanTrainer.step(GanTrainer.java:222)\n")
FINE = ("check passed: D is gancourse.models.Dcgan's discriminator\n"
        "iteration 300/3000 (10%) · D loss 0.61 · ERROR rate of the classifier: 2.1%\n"
        "mean squared error 0.031; WARN: nothing here is a logger line\n")


def cell(outputs, tags=()):
    c = nbformat.v4.new_code_cell("x", metadata={"tags": list(tags)})
    c.outputs = outputs
    return c


def stream(text, name="stderr"):
    return nbformat.v4.new_output("stream", name=name, text=text)


def problems(*cells):
    nb = nbformat.v4.new_notebook()
    nb.cells = list(cells)
    return execute.check_outputs(nb)


def main():
    png = nbformat.v4.new_output("display_data", data={"image/png": "iVBOR", "text/plain": "img"})
    cases = [
        ("an ND4J error log and DL4J's warning, printed while training went on", [cell([stream(ND4J_ERROR)])],
         ["cell 0 prints an error log or a stack trace: ERROR org.nd4j"]),
        ("a stack trace split over several stream outputs", [cell([stream(FRAMES[:50]), stream(FRAMES[50:])])],
         ["cell 0 prints an error log or a stack trace: at org.nd4j.linalg.factory.Nd4j.exec"]),
        ("a stack trace printed to stdout", [cell([stream(FRAMES, "stdout")])], ["cell 0 prints"]),
        ("progress, checks and words such as ERROR or WARN in prose", [cell([stream(FINE, "stdout")])], []),
        ("an exception that stopped the cell", [cell([nbformat.v4.new_output(
            "error", ename="IllegalStateException", evalue="no data", traceback=[])])],
         ["cell 0: IllegalStateException: no data"]),
        ("a cell tagged expect-image without a picture, next to one with", [cell([], ["expect-image"]),
                                                                            cell([png], ["expect-image"])],
         ["cell 0: tagged expect-image but shows no image"]),
    ]
    passed = failed = 0
    for what, cells, expected in cases:
        found = problems(*cells)
        ok = len(found) == len(expected) and all(f.startswith(e) for f, e in zip(found, expected))
        passed += ok
        failed += not ok
        print(("ok   " if ok else "FAIL ") + what + ("" if ok else f": expected {expected}, found {found}"))
    print(f"outputs: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
