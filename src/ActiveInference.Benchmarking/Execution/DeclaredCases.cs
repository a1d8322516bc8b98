using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace ActiveInference.Benchmarking.Execution;

/// <summary>The cases NUnit built for a method of the running test's fixture, read from the loaded test tree.</summary>
internal static class DeclaredCases
{
    /// <summary>
    /// The argument lists of every case of <paramref name="method"/> in <paramref name="test"/>'s fixture, or null when
    /// the fixture is not found.
    /// </summary>
    public static IReadOnlyList<object?[]>? Of(ITest test, string method)
    {
        var fixture = test.Parent;
        while (fixture is not null && fixture is not TestFixture) fixture = fixture.Parent;
        if (fixture is null) return null;
        var cases = new List<object?[]>();
        foreach (var child in fixture.Tests)
        {
            if (child.Method?.Name != method) continue;
            if (child.IsSuite) cases.AddRange(child.Tests.Select(t => t.Arguments));
            else cases.Add(child.Arguments);
        }
        return cases;
    }
}
