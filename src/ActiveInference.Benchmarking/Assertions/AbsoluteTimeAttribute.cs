using System.Reflection;

namespace ActiveInference.Benchmarking.Assertions;

/// <summary>
/// Base of the assertions on absolute time (<see cref="MaxMeanTimeAttribute"/>, <see cref="MinThroughputAttribute"/>):
/// an explicit opt-in, tied to the machine profile the limit was written for.
/// </summary>
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
