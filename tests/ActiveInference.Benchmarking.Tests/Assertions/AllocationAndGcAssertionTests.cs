using ActiveInference.Benchmarking.Assertions;
using ActiveInference.Benchmarking.Engine;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Assertions;

[TestFixture]
public sealed class AllocationAndGcAssertionTests
{
    private static readonly AssertionContext Context = new("profile-a");
    private static readonly System.Reflection.MethodInfo AnyMethod = typeof(AllocationAndGcAssertionTests).GetMethod(nameof(ZeroBytesPass))!;

    [Test]
    public void ZeroBytesPass()
    {
        var outcome = new MaxAllocatedBytesPerOperationAttribute(0).Check(SyntheticResult.Create(bytesPerOperation: 0), Context);
        Assert.That(outcome.Status, Is.EqualTo(AssertionStatus.Passed));
        Assert.That(outcome.Message, Is.EqualTo("MaxAllocatedBytesPerOperation(0): 0 B/op allocated (median of 30 samples × 1000 operations), allowed at most 0 B/op"));
    }

    [Test]
    public void HundredsOfBytesFailAZeroLimitWithMeasuredAndAllowed()
    {
        var outcome = new MaxAllocatedBytesPerOperationAttribute(0).Check(SyntheticResult.Create(bytesPerOperation: 280), Context);
        Assert.That(outcome.Status, Is.EqualTo(AssertionStatus.Failed));
        Assert.That(outcome.Message, Does.Contain("280 B/op allocated").And.Contain("allowed at most 0 B/op"));
    }

    [TestCase(24.0, 24.0, AssertionStatus.Passed)]
    [TestCase(24.009, 24.0, AssertionStatus.Passed)]   // within the 0.01 B/op rounding tolerance
    [TestCase(24.02, 24.0, AssertionStatus.Failed)]
    [TestCase(0.011, 0.0, AssertionStatus.Failed)]
    public void TheToleranceIsOneHundredthOfAByte(double measured, double limit, AssertionStatus expected) =>
        Assert.That(new MaxAllocatedBytesPerOperationAttribute(limit).Check(SyntheticResult.Create(bytesPerOperation: measured), Context).Status, Is.EqualTo(expected));

    [TestCase(-1.0)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void ANegativeOrNonFiniteByteLimitIsRejected(double bytes) =>
        Assert.That(new MaxAllocatedBytesPerOperationAttribute(bytes).Validate(AnyMethod), Has.Count.EqualTo(1).And.Some.Contains("finite number of bytes ≥ 0"));

    [Test]
    public void MessagesUseTheInvariantCulture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var outcome = new MaxAllocatedBytesPerOperationAttribute(0.5).Check(SyntheticResult.Create(bytesPerOperation: 12.25), Context);
            Assert.That(outcome.Message, Does.Contain("12.25 B/op").And.Contain("MaxAllocatedBytesPerOperation(0.5)"));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Test]
    public void NoGen2CollectionsIsTheDefaultAndPasses()
    {
        var attribute = new MaxGcCollectionsAttribute();
        var outcome = attribute.Check(SyntheticResult.Create(gc: new GcCounts(40, 3, 0)), Context);
        Assert.That((attribute.Generation, attribute.PerThousandOperations), Is.EqualTo((2, 0.0)));
        Assert.That(outcome.Status, Is.EqualTo(AssertionStatus.Passed));
        Assert.That(outcome.Message, Does.Contain("0 gen-2 collection(s) in 30000 operations = 0 per 1 000 operations, allowed at most 0"));
    }

    [Test]
    public void OneGen2CollectionFailsNoneAllowed()
    {
        var outcome = new MaxGcCollectionsAttribute().Check(SyntheticResult.Create(gc: new GcCounts(40, 3, 1)), Context);
        Assert.That(outcome.Status, Is.EqualTo(AssertionStatus.Failed));
        Assert.That(outcome.Message, Does.Contain("1 gen-2 collection(s) in 30000 operations = 0.03333 per 1 000 operations"));
    }

    [TestCase(0, 60, AssertionStatus.Failed)]   // 60 gen-0 in 30 000 ops = 2 per 1 000 > 1
    [TestCase(1, 30, AssertionStatus.Passed)]   // 30 gen-1 = 1 per 1 000, at the limit
    [TestCase(1, 31, AssertionStatus.Failed)]
    public void CollectionsAreCountedPerThousandOperationsOfTheNamedGeneration(int generation, int collections, AssertionStatus expected)
    {
        var gc = generation == 0 ? new GcCounts(collections, 0, 0) : new GcCounts(collections, collections, 0);
        var attribute = new MaxGcCollectionsAttribute { Generation = generation, PerThousandOperations = 1 };
        Assert.That(attribute.Check(SyntheticResult.Create(gc: gc), Context).Status, Is.EqualTo(expected));
    }

    [Test]
    public void NoOperationsIsInconclusive() =>
        Assert.That(new MaxGcCollectionsAttribute().Check(SyntheticResult.Create(totalOperations: 0), Context).Status, Is.EqualTo(AssertionStatus.Inconclusive));

    [TestCase(3, 0.0, "Generation must be 0, 1 or 2")]
    [TestCase(-1, 0.0, "Generation must be 0, 1 or 2")]
    [TestCase(2, -1.0, "PerThousandOperations must be a finite number ≥ 0")]
    [TestCase(2, double.NaN, "PerThousandOperations must be a finite number ≥ 0")]
    public void InvalidGcLimitsAreRejected(int generation, double perThousand, string expected) =>
        Assert.That(new MaxGcCollectionsAttribute { Generation = generation, PerThousandOperations = perThousand }.Validate(AnyMethod), Has.Some.Contains(expected));
}
