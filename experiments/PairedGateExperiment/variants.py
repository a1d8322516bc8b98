#!/usr/bin/env python3
"""Slowed copies of the suite's own kernels for the paired gate experiment.

    variants.py <repository> <variant>

edits the source of <repository> in place (the working tree; the edit stays uncommitted, so the tree is the
"current" side and the commit that recorded baselines.json is the baseline). Variants:

  aa        no change
  fe2x      SimpleFreeEnergy.Compute runs its quadratic loop twice (FreeEnergy(10), (100), (1000))
  slowN     N% more work (N = 10, 20, ...) in five kernels of different kinds:
              SimpleFreeEnergy.Compute   N% more rows of the quadratic form   FreeEnergy(100) compute, (1000) memory
              FixedPointIteration.Run    every (100/N)-th call runs twice     InferStates("large") compute
              BeliefState.Update         N% more gradient steps               BeliefUpdate(1000) memory
              ExpectedFreeEnergy.Evaluate every (100/N)-th call runs twice    InferPolicies("large")
              AllocationBenchmarks       N% more matrices in MatrixBatch      allocation
"""
import re, sys, pathlib

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

def fe2x(root):
    edit(root, "src/ActiveInference.Core/Continuous/SimpleFreeEnergy.cs", FE_LOOP, """        for (int repeat = 0; repeat < 2; repeat++)
        {
            for (int i = 0; i < k; i++)
            {
                quadratic += e[i] * TensorPrimitives.Dot(p.Slice(i * k, k), e);
            }
        }

        quadratic /= 2;
""")

def slow(root, percent):
    edit(root, "src/ActiveInference.Core/Continuous/SimpleFreeEnergy.cs", FE_LOOP, FE_LOOP + f"""
        double extra = 0;
        for (int i = 0, rows = (k * {percent} + 50) / 100; i < rows; i++)
        {{
            extra += e[i % k] * TensorPrimitives.Dot(p.Slice((i % k) * k, k), e);
        }}

        quadratic += 0 * extra;
""")
    edit(root, "src/ActiveInference.Core/Discrete/FixedPointIteration.cs",
         "    public StateInference Run(FixedPointSettings settings)\n    {\n",
         f"    public StateInference Run(FixedPointSettings settings)\n    {{\n"
         f"        if (++_slowCalls % {round(100 / percent)} == 0) RunOnce(settings);\n        return RunOnce(settings);\n    }}\n\n"
         f"    private int _slowCalls;\n\n"
         f"    private StateInference RunOnce(FixedPointSettings settings)\n    {{\n")
    edit(root, "src/ActiveInference.Core/Continuous/BeliefState.cs",
         "        for (var k = 0; k < Steps; k++)",
         f"        for (int k = 0, steps = Steps + (Steps * {percent} + 50) / 100; k < steps; k++)")
    edit(root, "src/ActiveInference.Core/Discrete/ExpectedFreeEnergy.cs",
         "    public double Evaluate(int policy, ReadOnlySpan<double[]> posterior, out double utility, out double informationGain)\n    {\n",
         f"    public double Evaluate(int policy, ReadOnlySpan<double[]> posterior, out double utility, out double informationGain)\n    {{\n"
         f"        if (++_slowCalls % {round(100 / percent)} == 0) EvaluateOnce(policy, posterior, out _, out _);\n"
         f"        return EvaluateOnce(policy, posterior, out utility, out informationGain);\n    }}\n\n"
         f"    private int _slowCalls;\n\n"
         f"    private double EvaluateOnce(int policy, ReadOnlySpan<double[]> posterior, out double utility, out double informationGain)\n    {{\n")
    edit(root, "perf-tests/ActiveInference.Core.PerfTests/AllocationBenchmarks.cs",
         "var batch = new Matrix<double>[10];",
         f"var batch = new Matrix<double>[{10 + (10 * percent + 50) // 100}];")

if __name__ == "__main__":
    root, variant = sys.argv[1], sys.argv[2]
    if variant == "aa":
        pass
    elif variant == "fe2x":
        fe2x(root)
    elif m := re.fullmatch(r"slow(\d+)", variant):
        slow(root, int(m.group(1)))
    else:
        sys.exit(f"unknown variant {variant}")
