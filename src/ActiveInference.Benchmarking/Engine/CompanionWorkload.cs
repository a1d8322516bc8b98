namespace ActiveInference.Benchmarking.Engine;

/// <summary>
/// A <see cref="Workload"/> used as a companion: another benchmark method timed beside the
/// measured one, so the two can be compared sample by sample in the same machine state.
/// </summary>
/// <param name="name">A name for the workload, e.g. <c>FreeEnergyAllocating(10)</c>.</param>
/// <param name="workload">The loop that calls the method; its per-sample setup is not run.</param>
internal sealed class CompanionWorkload(string name, Workload workload) : ISideWorkload
{
    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public void Run(long operations) => workload.Run(operations);
}
