using ActiveInference.PerfMonitor.Bisect;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.PerfMonitor;

public class BisectSearchTests
{
    private static readonly string[] Commits = Enumerable.Range(0, 33).Select(i => $"c{i:00}").ToArray();

    [Test]
    public void AStepOf20PercentIn32CommitsIsFoundAtItsCommitInAFewMeasurements()
    {
        var measurer = new FakeMeasurer(c => Index(c) >= 21 ? 1.2 : 1.0);

        var outcome = new BisectSearch(measurer, 0.10, TextWriter.Null).Run(Commits);

        var step = outcome.Steps.Single();
        Assert.That((step.LastBefore, step.FirstAfter, step.Narrowed), Is.EqualTo(("c20", "c21", true)));
        Assert.That(step.Change.Ratio, Is.EqualTo(1.2).Within(1e-12));
        Assert.That(outcome.Measurements.Count, Is.LessThanOrEqualTo(8), "the range, log2(32) halvings and the neighbours");
    }

    [Test]
    public void TwoStepsInOneRangeAreBothReported()
    {
        var measurer = new FakeMeasurer(c => Index(c) >= 25 ? 1.2 * 1.25 : Index(c) >= 7 ? 1.2 : 1.0);

        var outcome = new BisectSearch(measurer, 0.10, TextWriter.Null).Run(Commits);

        Assert.That(outcome.Steps.Select(s => s.FirstAfter), Is.EqualTo(new[] { "c07", "c25" }));
        Assert.That(outcome.Steps.Select(s => Math.Round(s.Change.Ratio, 3)), Is.EqualTo(new[] { 1.2, 1.25 }));
    }

    [Test]
    public void ACommitThatDoesNotBuildIsSkippedAndNamedAndTheStepIsStillFound()
    {
        var measurer = new FakeMeasurer(c => Index(c) >= 16 ? 1.5 : 1.0, unbuildable: ["c16"]);

        var outcome = new BisectSearch(measurer, 0.10, TextWriter.Null).Run(Commits);

        Assert.That(outcome.Skipped.Select(s => s.Commit), Is.EqualTo(new[] { "c16" }));
        var step = outcome.Steps.Single();
        Assert.That((step.LastBefore, step.FirstAfter, step.Narrowed), Is.EqualTo(("c15", "c17", false)), "c16 or c17: the range git bisect skip would leave");
    }

    [Test]
    public void ARangeWithNoStepBeyondTheThresholdFindsNothingAfterOneMeasurement()
    {
        var measurer = new FakeMeasurer(c => 1 + 0.002 * Index(c));

        var outcome = new BisectSearch(measurer, 0.10, TextWriter.Null).Run(Commits);

        Assert.That(outcome.Steps, Is.Empty);
        Assert.That(outcome.Measurements, Has.Count.EqualTo(1));
    }

    [Test]
    public void AnEndOfTheRangeThatDoesNotBuildCannotBeBisected()
    {
        var measurer = new FakeMeasurer(_ => 1.0, unbuildable: ["c32"]);

        Assert.Throws<UnbuildableCommitException>(() => new BisectSearch(measurer, 0.10, TextWriter.Null).Run(Commits));
    }

    [Test]
    public void OnlyTheBenchmarkThatSteppedIsSearched()
    {
        var measurer = new FakeMeasurer(c => Index(c) >= 3 ? 2.0 : 1.0, other: _ => 1.0);

        var outcome = new BisectSearch(measurer, 0.10, TextWriter.Null).Run(Commits);

        Assert.That(outcome.Steps.Single().Benchmark, Is.EqualTo("B"));
    }

    private static int Index(string commit) => int.Parse(commit[1..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Benchmark B takes time(commit); benchmark A takes other(commit) when given.</summary>
    private sealed class FakeMeasurer(Func<string, double> time, string[]? unbuildable = null, Func<string, double>? other = null) : IPairMeasurer
    {
        public PairMeasurement Measure(string current, string baseline)
        {
            foreach (var commit in new[] { current, baseline })
            {
                if (unbuildable?.Contains(commit) == true)
                    throw new UnbuildableCommitException(commit, "see build.log");
            }

            var benchmarks = new Dictionary<string, MeasuredRatio> { ["B"] = Ratio(time(current) / time(baseline)) };
            if (other is not null)
                benchmarks["A"] = Ratio(other(current) / other(baseline));
            return new PairMeasurement(current, baseline, benchmarks);
        }

        private static MeasuredRatio Ratio(double r) => new(r, r * 0.98, r * 1.02, Math.Abs(Math.Log(r)) >= Math.Log(1.1) ? (r > 1 ? "Regressed" : "Improved") : "Passed", 2, 4);
    }
}
