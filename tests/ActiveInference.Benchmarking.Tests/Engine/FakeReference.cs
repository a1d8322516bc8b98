using ActiveInference.Benchmarking.Engine;

namespace ActiveInference.Benchmarking.Tests.Engine;

/// <summary>A reference workload with a known cost per operation on a <see cref="FakeClock"/>.</summary>
internal sealed class FakeReference(FakeClock clock, double nanosecondsPerOperation) : ISideWorkload
{
    public string Name => "fake-reference";

    public void Run(long operations) => clock.Advance(operations * nanosecondsPerOperation);
}
