using ActiveInference.Benchmarking.Assertions;
using ActiveInference.Benchmarking.Engine;
using ActiveInference.Benchmarking.Gate;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace ActiveInference.Benchmarking.Execution;

/// <summary>
/// Stage 3 of a benchmark case: the gate's verdict on the measurement and the assertions' outcomes, and how they set
/// the NUnit result (stage 4 is the session collecting <see cref="Gated"/> for the run's reports).
/// </summary>
/// <param name="Gated">The measurement with the gate's outcome.</param>
/// <param name="Checks">The outcome of every assertion attribute.</param>
internal sealed record BenchmarkDecision(GatedResult Gated, IReadOnlyList<AssertionOutcome> Checks)
{
    /// <summary>Judges <paramref name="measured"/> (and the companions of <paramref name="run"/>) as <paramref name="plan"/> says.</summary>
    public static BenchmarkDecision Make(BenchmarkPlan plan, BenchmarkResult measured, EngineRun run, PerfSession session)
    {
        var outcome = session.Evaluate(measured, plan.ThresholdOverride, plan.AssemblyPath, plan.Member);
        var checks = plan.Assertions.Check(measured, new AssertionContext(session.Profile.Id, plan.Comparisons.Pair(run)));
        return new BenchmarkDecision(new GatedResult(measured, outcome), checks);
    }

    /// <summary>The lines the test's output gets: the verdict, then the assertions' outcomes when there are any.</summary>
    public string Describe() =>
        Checks.Count > 0 ? OutputFormatter.Describe(Gated) + Environment.NewLine + AssertionOutcomes.Describe(Checks) : OutputFormatter.Describe(Gated);

    /// <summary>
    /// Sets <paramref name="result"/>: an untrustworthy measurement is Inconclusive (not gated); Regressed fails;
    /// Inconclusive fails only with <paramref name="inconclusiveAsFailure"/>; then the assertions may fail or weaken it.
    /// </summary>
    public void ApplyTo(TestResult result, bool inconclusiveAsFailure)
    {
        var (measured, outcome) = Gated;
        var message = outcome?.Message ?? string.Empty;
        if (!measured.IsTrustworthy)
            result.SetResult(ResultState.Inconclusive, $"Not trustworthy, not gated: {string.Join("; ", measured.TrustIssues)}");
        else
            result.SetResult(outcome?.Verdict switch
            {
                Verdict.Regressed => ResultState.Failure,
                Verdict.Inconclusive when inconclusiveAsFailure => ResultState.Failure,
                Verdict.Inconclusive => ResultState.Inconclusive,
                _ => ResultState.Success,
            }, message);
        AssertionOutcomes.Apply(result, Checks, measured.IsTrustworthy);
    }
}
