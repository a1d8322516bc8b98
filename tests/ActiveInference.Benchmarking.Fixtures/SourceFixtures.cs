using ActiveInference.Benchmarking;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Fixtures;

/// <summary>A benchmark parametrised with <c>[TestCaseSource]</c>: one test per case.</summary>
public class SourceFixtures
{
    /// <summary>The cases: a word and how often to repeat it.</summary>
    public static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("ab", 2);
        yield return new TestCaseData("xyz", 3);
    }

    /// <summary>Repeats a word.</summary>
    [PerfBenchmark(Iterations = 5, Warmup = 1, TimeLimit = 2, WarmupTimeMilliseconds = 20, MinMeasurementTimeMilliseconds = 20)]
    [TestCaseSource(nameof(Cases))]
    public int Repeat(string word, int times) => string.Concat(Enumerable.Repeat(word, times)).Length;
}
