using System.Reflection;

namespace ActiveInference.Benchmarking.Assertions;

/// <summary>
/// Base of the assertions on absolute time (<see cref="MaxMeanTimeAttribute"/>, <see cref="MinThroughputAttribute"/>):
/// an explicit opt-in, tied to the machine profile the limit was written for.
/// </summary>
/// <remarks>
/// An absolute limit holds only on the machine it was measured on: NBench's elapsed-time assertions failed on every
/// other machine, and Akka.NET turned them off for the false failures. So each such assertion must name
/// <see cref="Profile"/>, the machine profile id it was written for (the id the baselines are kept under, shown in
/// the inconclusive message of a run elsewhere; the run's <c>machineProfile</c> setting overrides it on CI runners
/// that share one). On that profile the limit is enforced and can fail the test; on any other the assertion is
/// <see cref="AssertionStatus.Inconclusive"/>, never failed, and the message says which profile it ran on. Prefer the
/// machine-independent limits (allocation, GC, relative speed, the regression gate) wherever they say the same thing.
/// </remarks>
public abstract class AbsoluteTimeAttribute : BenchmarkAssertionAttribute
{
    /// <summary>The machine profile id the limit was written for (required).</summary>
    public string? Profile { get; set; }

    /// <summary>Problems with the derived attribute's own numbers; empty when valid.</summary>
    protected abstract IEnumerable<string> ValidateLimit();

    /// <summary>Checks the limit; called only on the profile it was written for.</summary>
    protected abstract AssertionOutcome CheckOnProfile(BenchmarkResult result);

    /// <inheritdoc />
    public override IReadOnlyList<string> Validate(MethodInfo benchmark)
    {
        var errors = ValidateLimit().Select(e => $"{Description}: {e}").ToList();
        if (string.IsNullOrWhiteSpace(Profile))
            errors.Add($"{Description}: an absolute time limit is an opt-in for one machine: set Profile to the machine profile id it was written for");
        return errors;
    }

    /// <inheritdoc />
    public override AssertionOutcome Check(BenchmarkResult result, AssertionContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        if (!string.Equals(Profile, context.ProfileId, StringComparison.Ordinal))
            return AssertionOutcome.Inconclusive($"{Description}: written for machine profile {Profile}, this run is on {context.ProfileId}: absolute times do not transfer between machines, not checked");
        return CheckOnProfile(result);
    }
}
