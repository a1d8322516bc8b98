namespace ActiveInference.Benchmarking.Pairing;

/// <summary>What a paired child process is asked to measure (written as JSON next to its output).</summary>
/// <param name="FullName">The benchmark case's full NUnit name, the same on both sides.</param>
/// <param name="EntryAssembly">File name of the perf test assembly on both sides.</param>
/// <param name="BaselineDirectory">The baseline build's output folder.</param>
/// <param name="CurrentDirectory">The current build's output folder.</param>
/// <param name="CopiesPerSide">Copies of each side loaded side by side.</param>
/// <param name="Seed">Seed of the process's random order and placement; different for every process.</param>
internal sealed record PairedRequest(string FullName, string EntryAssembly, string BaselineDirectory, string CurrentDirectory, int CopiesPerSide, int Seed)
{
    /// <summary>Measured rounds aim to fill this many seconds.</summary>
    public double MeasurementSeconds { get; init; } = 1.0;

    /// <summary>Measured rounds at most.</summary>
    public int MaxRounds { get; init; } = 120;

    /// <summary>Measured rounds at least.</summary>
    public int MinRounds { get; init; } = 12;

    /// <summary>Seconds the copies' set-up may take; a slower set-up means fewer copies (at least <see cref="MinCopiesPerSide"/>).</summary>
    public double SetupBudgetSeconds { get; init; } = 6.0;

    /// <summary>Copies of each side at least: three, so the median over a side's copies ignores one copy that landed badly.</summary>
    public int MinCopiesPerSide { get; init; } = 3;

    /// <summary>
    /// The process that started the child (0: none): the child ends itself when that process is gone, so a cancelled or
    /// killed test run leaves nothing running.
    /// </summary>
    public int ParentProcessId { get; init; }

    /// <summary>
    /// The NuGet packages (ids) whose assemblies each copy loads from its own side's build: those that differ between the
    /// sides. Others are shared from the default context.
    /// </summary>
    public IReadOnlyList<string> PackagesPerCopy { get; init; } = [];

    /// <summary>
    /// The build folder whose perf test assembly the process is started from (its framework runs the measurement); null:
    /// <see cref="CurrentDirectory"/>.
    /// </summary>
    public string? HostDirectory { get; init; }

    /// <summary>
    /// The <c>runtimeconfig.json</c> the process runs with (<c>dotnet exec --runtimeconfig</c>): a side's own runtime
    /// settings for a process that measures that side alone; null: the started assembly's own.
    /// </summary>
    public string? RuntimeConfig { get; init; }

    /// <summary>
    /// True to put two random-size allocations before each copy's set-up, one on the small-object heap and one on the
    /// large-object heap, so that each copy's data, large arrays included, lands at a random offset (as BenchmarkDotNet's
    /// <c>[MemoryRandomization]</c> does between iterations).
    /// </summary>
    public bool RandomisePlacement { get; init; } = true;
}
