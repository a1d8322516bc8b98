namespace ActiveInference.Benchmarking.Engine;

/// <summary>Another benchmark method timed beside the measured one, to compare the two in the same machine state.</summary>
/// <param name="name">A name for the workload, e.g. <c>FreeEnergyAllocating(10)</c>.</param>
/// <param name="workload">The loop that calls the method; its per-sample setup is not run.</param>
internal sealed class CompanionWorkload(string name, Workload workload) : ISideWorkload
{
    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public void Run(long operations) => workload.Run(operations);
}
