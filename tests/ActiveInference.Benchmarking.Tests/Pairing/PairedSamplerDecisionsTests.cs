using ActiveInference.Benchmarking.Pairing;
using ActiveInference.Benchmarking.Tests.Engine;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Paired;

/// <summary>
/// The paired sampler's decisions (calls per sample, warm-up rounds, measured rounds, total clock time) for fixed clock
/// readings, pinned as they were before its stages moved to the engine's shared policy objects.
/// </summary>
public class PairedSamplerDecisionsTests
{
    private const double Millisecond = 1e6;

    private static IEnumerable<TestCaseData> Scenarios()
    {
        yield return new TestCaseData("quiet",
            "ops=10000 warmup=13 rounds=120 clock=628182900").SetName("{m}(Quiet)");
        yield return new TestCaseData("tiers up at 20 ms",
            "ops=100000 warmup=14 rounds=120 clock=572764700").SetName("{m}(TierUpAt20Ms)");
        yield return new TestCaseData("compiles until 300 ms",
            "ops=10000 warmup=64 rounds=120 clock=866862900").SetName("{m}(CompilesUntil300Ms)");
        yield return new TestCaseData("never settles",
            "ops=10000 warmup=107 rounds=120 clock=1068102900").SetName("{m}(NeverSettles)");
        yield return new TestCaseData("slow calls",
            "ops=1 warmup=5 rounds=75 clock=1093500190").SetName("{m}(SlowCalls)");
        yield return new TestCaseData("fixed operations",
            "ops=3 warmup=99 rounds=120 clock=132123096").SetName("{m}(FixedOperations)");
    }

    [TestCaseSource(nameof(Scenarios))]
    public void ThePairedSamplerDecidesAsBeforeForTheSameClockReadings(string scenario, string expected)
    {
        var clock = new FakeClock();
        var settings = new PairedSamplerSettings();
        Func<long> compiled = () => 0;
        double[] baseline = [100, 110], current = [120, 130];
        double tieredTo = double.NaN, tierUpAt = 0;
        switch (scenario)
        {
            case "tiers up at 20 ms":
                (baseline, current, tieredTo, tierUpAt) = ([1000, 1000], [1000, 1100], 10, 20 * Millisecond);
                break;
            case "compiles until 300 ms":
                compiled = () => Math.Min(clock.Now, (long)(300 * Millisecond)) / (long)Millisecond;
                break;
            case "never settles":
                compiled = () => clock.Now;
                settings = settings with { MaxWarmupTime = TimeSpan.FromMilliseconds(500) };
                break;
            case "slow calls":
                (baseline, current) = ([3 * Millisecond, 3 * Millisecond], [4 * Millisecond, 3.5 * Millisecond]);
                break;
            case "fixed operations":
                (baseline, current, tieredTo, tierUpAt) = ([100_000, 100_000], [120_000, 120_000], 50_000, 1 * Millisecond);
                settings = settings with { OperationsPerSample = 3 };
                break;
        }
        FakeCopy Make(Side side, int index, double cost) => new(side, index, clock, cost)
        {
            OverheadNanosecondsPerOperation = 2,
            TieredNanosecondsPerOperation = tieredTo,
            TierUpAtNanoseconds = (long)tierUpAt,
        };
        FakeCopy[] copies = [.. baseline.Select((c, i) => Make(Side.Baseline, i, c)), .. current.Select((c, i) => Make(Side.Current, i, c))];

        var samples = new PairedSampler(settings, clock, compiled, () => { }).Run([.. copies.Select(c => c.ToWorkload())], new Random(7));

        var actual = $"ops={samples.OperationsPerSample} warmup={samples.WarmupRounds} rounds={samples.Rounds} clock={clock.Now}";
        Assert.That(actual, Is.EqualTo(expected));
    }
}
