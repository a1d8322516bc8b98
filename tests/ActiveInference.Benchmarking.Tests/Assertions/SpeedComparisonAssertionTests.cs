using ActiveInference.Benchmarking.Assertions;
using ActiveInference.Benchmarking.Engine;
using ActiveInference.Benchmarking.Fixtures.Assertions;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Assertions;

[TestFixture]
public sealed class SpeedComparisonAssertionTests
{
    private static readonly System.Reflection.MethodInfo AnyMethod = typeof(AssertionFixtures).GetMethod(nameof(AssertionFixtures.Single))!;

    /// <summary>Per-sample ratios around <paramref name="ratio"/> (± 2%), with two wild outliers the median ignores.</summary>
    private static AssertionContext Ratios(double ratio, string method = "Quadruple") =>
        new("p", [new SpeedComparison(method, method + "()", [.. Enumerable.Range(0, 28).Select(i => ratio * (0.98 + 0.04 * i / 27)), ratio * 40, ratio / 40])]);

    private static AssertionOutcome Check(SpeedComparisonAttribute attribute, AssertionContext context) => attribute.Check(SyntheticResult.Create(), context);

    [Test]
    public void FourTimesFasterPassesAtLeastTwiceAsFast()
    {
        var outcome = Check(new FasterThanAttribute("Quadruple") { By = 2 }, Ratios(0.25));
        Assert.That(outcome.Status, Is.EqualTo(AssertionStatus.Passed));
        Assert.That(outcome.Message, Does.StartWith("FasterThan(Quadruple, By = 2): Kernel(10) takes 0.25 × the time of Quadruple() (4× faster; median of 30 paired samples, 95% CI [0.2"));
        Assert.That(outcome.Message, Does.EndWith("required at least 2× faster (time ratio ≤ 0.5)"));
    }

    [Test]
    public void TwiceAsFastFailsAtLeastFourTimesAsFast()
    {
        var outcome = Check(new FasterThanAttribute("Quadruple") { By = 4 }, Ratios(0.5));
        Assert.That(outcome.Status, Is.EqualTo(AssertionStatus.Failed));
        Assert.That(outcome.Message, Does.Contain("takes 0.5 × the time of Quadruple() (2× faster").And.EndWith("required at least 4× faster (time ratio ≤ 0.25)"));
    }

    [Test]
    public void TheIntervalIsThatOfTheMedianOfThePairedRatios()
    {
        var outcome = Check(new FasterThanAttribute("Quadruple") { By = 2 }, Ratios(0.25));
        var ratios = Ratios(0.25).Comparisons[0].Ratios.Order().ToArray();
        var interval = ActiveInference.Benchmarking.Statistics.MedianOrderStatisticInterval.OfSorted(ratios, 0.95);
        Assert.That(outcome.Message, Does.Contain(System.FormattableString.Invariant($"CI [{interval.Lower:G4}, {interval.Upper:G4}]")));
    }

    [Test]
    public void SlowerThanIsTheMirror()
    {
        Assert.That(Check(new SlowerThanAttribute("Quadruple") { By = 2 }, Ratios(4)).Status, Is.EqualTo(AssertionStatus.Passed));
        var failed = Check(new SlowerThanAttribute("Quadruple") { By = 2 }, Ratios(1.2));
        Assert.That(failed.Status, Is.EqualTo(AssertionStatus.Failed));
        Assert.That(failed.Message, Does.Contain("(1.2× slower;").And.EndWith("required at least 2× slower (time ratio ≥ 2)"));
    }

    [TestCase(1.0, AssertionStatus.Passed)]
    [TestCase(2.0, AssertionStatus.Failed)]
    [TestCase(0.4, AssertionStatus.Failed)]
    public void ARatioBandBoundsBothSides(double ratio, AssertionStatus expected)
    {
        var outcome = Check(new RelativeSpeedAttribute("Quadruple") { Min = 0.8, Max = 1.25 }, Ratios(ratio));
        Assert.That(outcome.Status, Is.EqualTo(expected));
        Assert.That(outcome.Message, Does.StartWith("RelativeSpeed(Quadruple, Min = 0.8, Max = 1.25)").And.EndWith("required time ratio in [0.8, 1.25]"));
    }

    [Test]
    public void ACaseTheOtherBenchmarkDoesNotDeclareIsNotApplicable()
    {
        var context = new AssertionContext("p", [new SpeedComparison("Quadruple", "Quadruple(1000)", [], "Quadruple declares no case with the arguments (1000), so it was not run beside this case")]);
        var outcome = Check(new FasterThanAttribute("Quadruple") { By = 2 }, context);
        Assert.That(outcome.Status, Is.EqualTo(AssertionStatus.NotApplicable));
        Assert.That(outcome.Message, Does.Contain("not checked for Kernel(10): Quadruple declares no case with the arguments (1000)"));
    }

    [Test]
    public void AComparisonThatWasNotMeasuredIsInconclusive()
    {
        Assert.That(Check(new FasterThanAttribute("Quadruple") { By = 2 }, new AssertionContext("p")).Status, Is.EqualTo(AssertionStatus.Inconclusive));
        var empty = new AssertionContext("p", [new SpeedComparison("Quadruple", "Quadruple()", [double.NaN])]);
        Assert.That(Check(new FasterThanAttribute("Quadruple") { By = 2 }, empty).Status, Is.EqualTo(AssertionStatus.Inconclusive));
    }

    [TestCase(nameof(InvalidComparisonFixtures.CycleA), "circular relative-speed declarations (CycleA → CycleB → CycleA); declare each comparison on one side only")]
    [TestCase(nameof(InvalidComparisonFixtures.CycleB), "circular relative-speed declarations (CycleB → CycleA → CycleB)")]
    [TestCase(nameof(InvalidComparisonFixtures.CycleC), "circular relative-speed declarations (CycleC → CycleD → CycleE → CycleC)")]
    [TestCase(nameof(InvalidComparisonFixtures.Self), "Self cannot be compared with itself")]
    [TestCase(nameof(InvalidComparisonFixtures.WithPlainMethod), "NotABenchmark is not a [PerfBenchmark] method")]
    [TestCase(nameof(InvalidComparisonFixtures.TakesNumber), "TakesText(String) cannot take the arguments of TakesNumber(Int32)")]
    [TestCase(nameof(InvalidComparisonFixtures.WithOverload), "\"Overloaded\" is overloaded on InvalidComparisonFixtures")]
    [TestCase(nameof(InvalidComparisonFixtures.WithSetupOther), "NeedsSetup needs a per-sample setup (SampleSetup = \"Reset\")")]
    public void InvalidComparisonsAreRejectedWithAClearMessage(string method, string expected)
    {
        var benchmark = typeof(InvalidComparisonFixtures).GetMethod(method)!;
        Assert.That(BenchmarkAssertions.Of(benchmark).Validate(), Has.Count.EqualTo(1).And.Some.Contains(expected));
    }

    [Test]
    public void AMissingMethodIsRejected()
    {
        var benchmark = typeof(AssertionFixtures).GetMethod(nameof(AssertionFixtures.MissingComparison))!;
        Assert.That(BenchmarkAssertions.Of(benchmark).Validate(), Is.EqualTo(new[]
        {
            "FasterThan(NoSuchMethod, By = 2) on MissingComparison: AssertionFixtures has no method named \"NoSuchMethod\" (a compared method must be a [PerfBenchmark] of the same fixture)",
        }));
    }

    [Test]
    public void AOneWayComparisonAndTheFixturesOtherDeclarationsAreValid()
    {
        Assert.That(BenchmarkAssertions.Of(typeof(InvalidComparisonFixtures).GetMethod(nameof(InvalidComparisonFixtures.Valid))!).Validate(), Is.Empty);
        foreach (var name in new[] { "Single", "Double", "Work", "NoAllocation", "Garbage", "Converges", "AbsoluteElsewhere" })
            Assert.That(BenchmarkAssertions.Of(typeof(AssertionFixtures).GetMethod(name)!).Validate(), Is.Empty, name);
    }

    [TestCase(0.5)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void AFactorBelowOneIsRejected(double by)
    {
        Assert.That(new FasterThanAttribute("Quadruple") { By = by }.Validate(AnyMethod), Has.Some.Contains("By must be a finite factor ≥ 1"));
        Assert.That(new SlowerThanAttribute("Quadruple") { By = by }.Validate(AnyMethod), Has.Some.Contains("By must be a finite factor ≥ 1"));
    }

    [Test]
    public void ABandNeedsABoundAndItsBoundsInOrder()
    {
        Assert.That(new RelativeSpeedAttribute("Quadruple").Validate(AnyMethod), Has.Some.Contains("set Min, Max or both"));
        Assert.That(new RelativeSpeedAttribute("Quadruple") { Min = 2, Max = 1 }.Validate(AnyMethod), Has.Some.Contains("Min must not exceed Max"));
        Assert.That(new RelativeSpeedAttribute("Quadruple") { Max = -1 }.Validate(AnyMethod), Has.Some.Contains("Max must be a finite ratio > 0"));
        Assert.That(new RelativeSpeedAttribute("Quadruple") { Max = 1.5 }.Validate(AnyMethod), Is.Empty);
    }

    [Test]
    public void TheOtherMethodRunsWithThisCasesArgumentsWhenItDeclaresThatCase()
    {
        var work = typeof(AssertionFixtures).GetMethod(nameof(AssertionFixtures.Work))!;
        var plan = ComparisonPlan.Create(new AssertionFixtures(), work, [8], ["WorkTimesFour"], _ => [[8]]);
        Assert.That(plan.Companions.Select(c => c.Name), Is.EqualTo(new[] { "WorkTimesFour(8)" }));
    }

    [Test]
    public void ACaseTheOtherMethodDoesNotDeclareIsLeftOutAndSaysWhy()
    {
        var work = typeof(AssertionFixtures).GetMethod(nameof(AssertionFixtures.Work))!;
        var plan = ComparisonPlan.Create(new AssertionFixtures(), work, [16], ["WorkTimesFour"], _ => [[8]]);
        Assert.That(plan.Companions, Is.Empty);
        var paired = plan.Pair(Run([100.0], []));
        Assert.That(paired.Single().NotMeasuredReason, Is.EqualTo("WorkTimesFour declares no case with the arguments (16), so it was not run beside this case"));
    }

    [Test]
    public void AParameterlessOtherMethodRunsWithoutArguments()
    {
        var plan = ComparisonPlan.Create(new AssertionFixtures(), AnyMethod, [], ["Quadruple"], _ => throw new AssertionException("cases are not needed"));
        Assert.That(plan.Companions.Select(c => c.Name), Is.EqualTo(new[] { "Quadruple()" }));
    }

    [Test]
    public void RatiosPairEachSampleWithTheCompanionBatchTakenBesideIt()
    {
        var plan = ComparisonPlan.Create(new AssertionFixtures(), AnyMethod, [], ["Quadruple"], _ => null);
        var paired = plan.Pair(Run([100.0, 200.0, 300.0], [new CompanionSamples("Quadruple()", 4, [400.0, 400.0, 600.0])]));
        Assert.That(paired.Single().Ratios, Is.EqualTo(new[] { 0.25, 0.5, 0.5 }));
        Assert.That(paired.Single().Case, Is.EqualTo("Quadruple()"));
    }

    private static EngineRun Run(double[] nanosecondsPerOperation, IReadOnlyList<CompanionSamples> companions) =>
        new(nanosecondsPerOperation.Select((ns, i) => new Measurement(IterationStage.Measurement, i, 10, ns * 10, 0, GcCounts.Zero)).ToArray(),
            10, 0, false, TimeSpan.FromSeconds(1), 0, null)
        { Companions = companions };
}
