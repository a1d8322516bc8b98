using ActiveInference.Benchmarking.Gate;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Gate;

public class AllocationRegressionTests
{
    [Test]
    public void BytesWithinTheRelativeAndAbsoluteAllowanceAreNoRegression()
    {
        Assert.That(AllocationRegression.Describe(100, 105.5, 0.05, 0.5), Is.Null);
    }

    [Test]
    public void BytesAboveTheAllowanceNameBothSidesAndTheAllowance()
    {
        Assert.That(AllocationRegression.Describe(100, 105.51, 0.05, 0.5),
            Is.EqualTo("allocates more: 100 B/op → 105.51 B/op (allowed up to 105.5 B/op)"));
    }

    [Test]
    public void AnAllocationFreeBaselineStillToleratesTheAbsoluteAllowance()
    {
        Assert.That(AllocationRegression.Describe(0, 0.5, 0.05, 0.5), Is.Null);
        Assert.That(AllocationRegression.Describe(0, 24, 0.05, 0.5), Does.StartWith("allocates more: 0 B/op → 24 B/op"));
    }
}
