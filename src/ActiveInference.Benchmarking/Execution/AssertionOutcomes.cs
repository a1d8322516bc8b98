using System.Text;
using ActiveInference.Benchmarking.Assertions;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using AssertionStatus = ActiveInference.Benchmarking.Assertions.AssertionStatus;

namespace ActiveInference.Benchmarking.Execution;

/// <summary>Folds the assertions' outcomes into the test result the gate set, and writes them to the output.</summary>
internal static class AssertionOutcomes
{
    /// <summary>
    /// A failed assertion fails the test; else an inconclusive one makes a passing test inconclusive (never failed). An
    /// untrustworthy measurement enforces nothing.
    /// </summary>
    public static void Apply(TestResult result, IReadOnlyList<AssertionOutcome> outcomes, bool trustworthy)
    {
        if (outcomes.Count == 0) return;
        var gateMessage = result.Message;
        var failed = outcomes.Where(o => o.Status == AssertionStatus.Failed).ToArray();
        var inconclusive = outcomes.Where(o => o.Status == AssertionStatus.Inconclusive).ToArray();
        if (!trustworthy)
        {
            if (failed.Length + inconclusive.Length > 0)
                result.SetResult(result.ResultState, $"{gateMessage}{Environment.NewLine}Assertions not enforced: {Join(failed.Concat(inconclusive))}");
            return;
        }
        if (failed.Length > 0)
            result.SetResult(ResultState.Failure, Append($"{failed.Length} assertion(s) failed: {Join(failed)}", gateMessage));
        else if (inconclusive.Length > 0 && result.ResultState.Status == TestStatus.Passed)
            result.SetResult(ResultState.Inconclusive, Append($"{inconclusive.Length} assertion(s) inconclusive: {Join(inconclusive)}", gateMessage));
    }

    /// <summary>One output line per assertion, e.g. <c>  assertion Passed: MaxAllocatedBytesPerOperation(0): 0 B/op ...</c>.</summary>
    public static string Describe(IReadOnlyList<AssertionOutcome> outcomes)
    {
        var b = new StringBuilder();
        foreach (var o in outcomes)
        {
            if (b.Length > 0) b.AppendLine();
            b.Append("  assertion ").Append(o.Status).Append(": ").Append(o.Message);
        }
        return b.ToString();
    }

    private static string Join(IEnumerable<AssertionOutcome> outcomes) => string.Join("; ", outcomes.Select(o => o.Message));

    private static string Append(string first, string? then) => string.IsNullOrEmpty(then) ? first : first + Environment.NewLine + then;
}
