#!/usr/bin/env python3
"""Code changes for the history experiment's scratch repository (each applied, then committed, by run.sh).

    changes.py <repository> <change>

  anchor-slow      FixedPointIteration.Run runs twice on every 4th call (+25% on InferStates): the anchor's own state
  fe20             SimpleFreeEnergy.Compute: 20% more rows of the quadratic form        (FreeEnergy(100): about +20%)
  belief30         BeliefState.Update: 30% more gradient steps                          (BeliefUpdate(100): +30%)
  fixedpoint-fast  the anchor's extra FixedPointIteration work removed                  (InferStates("large"): -20%)
  harmless-N       a line appended to a notes file: no code changes
"""
import pathlib, sys

def edit(root, path, old, new):
    p = pathlib.Path(root) / path
    text = p.read_text()
    if old not in text:
        sys.exit(f"{path}: expected text not found:\n{old}")
    p.write_text(text.replace(old, new, 1))

FE_LOOP = """        for (var i = 0; i < k; i++)
        {
            quadratic += e[i] * TensorPrimitives.Dot(p.Slice(i * k, k), e);
        }
"""
FP_HEAD = "    public StateInference Run(FixedPointSettings settings)\n    {\n"
FP_SLOW = ("    public StateInference Run(FixedPointSettings settings)\n    {\n"
           "        if (++_slowCalls % 4 == 0) RunOnce(settings);\n        return RunOnce(settings);\n    }\n\n"
           "    private int _slowCalls;\n\n"
           "    private StateInference RunOnce(FixedPointSettings settings)\n    {\n")

def apply(root, change):
    if change == "anchor-slow":
        edit(root, "src/ActiveInference.Core/Discrete/FixedPointIteration.cs", FP_HEAD, FP_SLOW)
    elif change == "fixedpoint-fast":
        edit(root, "src/ActiveInference.Core/Discrete/FixedPointIteration.cs",
             "        if (++_slowCalls % 4 == 0) RunOnce(settings);\n", "")
        edit(root, "src/ActiveInference.Core/Discrete/FixedPointIteration.cs", "    private int _slowCalls;\n\n", "")
    elif change == "fe20":
        edit(root, "src/ActiveInference.Core/Continuous/SimpleFreeEnergy.cs", FE_LOOP, FE_LOOP + """
        double extra = 0;
        for (int i = 0, rows = (k * 20 + 50) / 100; i < rows; i++)
        {
            extra += e[i % k] * TensorPrimitives.Dot(p.Slice((i % k) * k, k), e);
        }

        quadratic += 0 * extra;
""")
    elif change == "belief30":
        edit(root, "src/ActiveInference.Core/Continuous/BeliefState.cs",
             "        for (var k = 0; k < Steps; k++)", "        for (int k = 0, steps = Steps + (Steps * 30 + 50) / 100; k < steps; k++)")
    elif change.startswith("harmless-"):
        notes = pathlib.Path(root) / "experiments" / "HistoryExperiment" / "notes.txt"
        notes.parent.mkdir(parents=True, exist_ok=True)
        with notes.open("a") as f:
            f.write(f"harmless change {change[9:]}\n")
    else:
        sys.exit(f"unknown change {change}")

if __name__ == "__main__":
    apply(sys.argv[1], sys.argv[2])
