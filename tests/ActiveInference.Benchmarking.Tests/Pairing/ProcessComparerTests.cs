using ActiveInference.Benchmarking.Gate;
using ActiveInference.Benchmarking.Pairing;
using NUnit.Framework;
using static ActiveInference.Benchmarking.Tests.Paired.SyntheticSamples;

namespace ActiveInference.Benchmarking.Tests.Paired;

/// <summary>One paired process's comparison, from synthetic samples with known ratios.</summary>
public class ProcessComparerTests
{
    private const double Tolerance = 1e-12;

    [Test]
    public void CurrentCopiesExactly12TimesSlowerGiveAChangeOfLn12()
    {
        var comparison = ProcessComparer.Compare(Of([100, 100, 100, 100], [120, 120, 120, 120]));

        Assert.That(comparison.Change, Is.EqualTo(Math.Log(1.2)).Within(Tolerance));
        Assert.That(comparison.BaselineMedianNanoseconds, Is.EqualTo(100).Within(Tolerance));
        Assert.That(comparison.CurrentMedianNanoseconds, Is.EqualTo(120).Within(Tolerance));
        Assert.That(comparison.CopiesPerSide, Is.EqualTo(4));
        Assert.That(comparison.Rounds, Is.EqualTo(20));
    }

    [Test]
    public void TheEmptyLoopCostIsSubtractedBeforeTheRatio()
    {
        // Raw 110 and 130 ns/op with a 10 ns/op loop: 100 → 120, not 110 → 130 (+18.2%).
        var comparison = ProcessComparer.Compare(Of([110, 110], [130, 130], overhead: 10));

        Assert.That(comparison.Change, Is.EqualTo(Math.Log(1.2)).Within(Tolerance));
        Assert.That(comparison.BaselineMedianNanoseconds, Is.EqualTo(100).Within(Tolerance));
        Assert.That(comparison.CurrentMedianNanoseconds, Is.EqualTo(120).Within(Tolerance));
    }

    [Test]
    public void TheOverheadIsTheMedianOverRoundsSoOneSlowEmptyLoopDoesNotMoveIt()
    {
        var overhead = Enumerable.Repeat(10.0, 20).ToArray();
        overhead[7] = 95;
        var samples = Of([Copy(Side.Baseline, 0, Repeat(110)), Copy(Side.Current, 0, Repeat(130))], overhead);

        Assert.That(ProcessComparer.Compare(samples).Change, Is.EqualTo(Math.Log(1.2)).Within(Tolerance));
    }

    [Test]
    public void AnOverheadLargerThanASampleNeverMakesATimeZeroOrNegative()
    {
        var comparison = ProcessComparer.Compare(Of([40, 40], [48, 48], overhead: 50));

        Assert.That(double.IsFinite(comparison.Change), Is.True);
        Assert.That(comparison.Change, Is.EqualTo(Math.Log(1.2)).Within(Tolerance), "each time floored at 1% of its raw value");
        Assert.That(comparison.BaselineMedianNanoseconds, Is.GreaterThan(0));
    }

    [Test]
    public void TheChangeIsTheMedianOverRoundsSoARoundHitByAPauseDoesNotMoveIt()
    {
        var slowRound = Repeat(120);
        slowRound[3] = 600;
        var samples = Of([Copy(Side.Baseline, 0, Repeat(100)), Copy(Side.Current, 0, slowRound)], Repeat(0));

        Assert.That(ProcessComparer.Compare(samples).Change, Is.EqualTo(Math.Log(1.2)).Within(Tolerance));
    }

    [Test]
    public void EachRoundComparesTheMedianCopiesSoOneBadlyPlacedCopyDoesNotMoveIt()
    {
        // A mean over copies would read 180 / 100.
        var comparison = ProcessComparer.Compare(Of([100, 100, 100, 100], [120, 360, 120, 120]));

        Assert.That(comparison.Change, Is.EqualTo(Math.Log(1.2)).Within(Tolerance));
    }

    [Test]
    public void RoundsAreComparedPairwiseSoASlowSpellOnBothSidesCancels()
    {
        // The machine is 3x slower in the second half of the rounds; every round is still 1.2x.
        var speed = Enumerable.Range(0, 20).Select(r => r < 10 ? 1.0 : 3.0).ToArray();
        var samples = Of(
            [Copy(Side.Baseline, 0, speed.Select(s => 100 * s).ToArray()), Copy(Side.Current, 0, speed.Select(s => 120 * s).ToArray())],
            Repeat(0));

        Assert.That(ProcessComparer.Compare(samples).Change, Is.EqualTo(Math.Log(1.2)).Within(Tolerance));
    }

    [Test]
    public void SelfChangesCompareTheTwoHalvesOfEachSidesCopiesInIndexOrder()
    {
        // Copies handed over out of order: the halves are copies 0-1 against 2-3 of each side.
        var samples = Of(
        [
            Copy(Side.Current, 3, Repeat(120)), Copy(Side.Baseline, 2, Repeat(110)), Copy(Side.Current, 0, Repeat(120)),
            Copy(Side.Baseline, 0, Repeat(100)), Copy(Side.Current, 2, Repeat(120)), Copy(Side.Baseline, 3, Repeat(110)),
            Copy(Side.Baseline, 1, Repeat(100)), Copy(Side.Current, 1, Repeat(120)),
        ], Repeat(0));

        var comparison = ProcessComparer.Compare(samples);

        Assert.That(comparison.SelfChanges, Has.Length.EqualTo(2));
        Assert.That(comparison.SelfChanges[0], Is.EqualTo(Math.Log(1.1)).Within(Tolerance), "baseline: copies 2-3 against 0-1");
        Assert.That(comparison.SelfChanges[1], Is.EqualTo(0).Within(Tolerance), "current: all alike");
        Assert.That(comparison.Change, Is.EqualTo(Math.Log(120 / 105.0)).Within(Tolerance));
    }

    [Test]
    public void AnOddNumberOfCopiesPutsTheExtraCopyInTheSecondHalf()
    {
        var comparison = ProcessComparer.Compare(Of([100, 150, 150], [100, 100, 100]));

        Assert.That(comparison.SelfChanges[0], Is.EqualTo(Math.Log(1.5)).Within(Tolerance));
    }

    [Test]
    public void OneCopyPerSideGivesNoSelfChanges()
    {
        var comparison = ProcessComparer.Compare(Of([100], [120]));

        Assert.That(comparison.SelfChanges, Is.Empty);
        Assert.That(comparison.CopiesPerSide, Is.EqualTo(1));
    }

    [Test]
    public void BytesPerOperationAreEachSidesMedianCopy()
    {
        var samples = Of(
        [
            Copy(Side.Baseline, 0, Repeat(100), bytes: 24), Copy(Side.Baseline, 1, Repeat(100), bytes: 24), Copy(Side.Baseline, 2, Repeat(100), bytes: 4000),
            Copy(Side.Current, 0, Repeat(100), bytes: 48), Copy(Side.Current, 1, Repeat(100), bytes: 48), Copy(Side.Current, 2, Repeat(100), bytes: 0),
        ], Repeat(0));

        var comparison = ProcessComparer.Compare(samples);

        Assert.That(comparison.BaselineBytesPerOperation, Is.EqualTo(24));
        Assert.That(comparison.CurrentBytesPerOperation, Is.EqualTo(48));
    }

    [Test]
    public void CopiesOfOnlyOneSideCannotBeCompared()
    {
        var samples = Of([Copy(Side.Current, 0, Repeat(100)), Copy(Side.Current, 1, Repeat(100))], Repeat(0));

        Assert.That(() => ProcessComparer.Compare(samples), Throws.ArgumentException.With.Message.Contains("both sides"));
    }

    private static double[] Repeat(double value) => Enumerable.Repeat(value, 20).ToArray();
}
