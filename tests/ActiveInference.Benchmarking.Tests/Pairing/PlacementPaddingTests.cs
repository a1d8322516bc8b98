using ActiveInference.Benchmarking.Pairing;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Paired;

/// <summary>The allocations a paired child makes before each copy, so that each copy's data lands at its own offset.</summary>
public class PlacementPaddingTests
{
    [Test]
    public void EachCopyIsPaddedOnTheSmallAndTheLargeObjectHeap()
    {
        var padding = PairedChild.Padding(new Random(1));

        Assert.That(padding, Has.Length.EqualTo(2));
        Assert.That(padding[0].Length, Is.LessThan(PairedChild.LargeObjectBytes), "small-object heap");
        Assert.That(padding[1].Length, Is.GreaterThanOrEqualTo(PairedChild.LargeObjectBytes), "large-object heap: large arrays move too");
        Assert.That(GC.GetGeneration(padding[1]), Is.EqualTo(GC.MaxGeneration), "the runtime put it on the large-object heap");
    }

    [Test]
    public void TheLargePaddingTakesManyCacheLineOffsets()
    {
        var random = new Random(7);
        var offsets = Enumerable.Range(0, 200).Select(_ => PairedChild.Padding(random)[1].Length % 64 / 8).Distinct().Count();

        Assert.That(offsets, Is.EqualTo(8), "every 8-byte step within a 64-byte line");
    }
}
