namespace ActiveInference.Benchmarking.Pairing;

/// <summary>What a re-measuring child process is asked to measure: one benchmark of the current build (written as JSON next to its output).</summary>
/// <param name="FullName">The benchmark case's full NUnit name.</param>
/// <param name="EntryAssembly">File name of the perf test assembly.</param>
/// <param name="Directory">The current build's output folder.</param>
/// <param name="Seed">Seed of the process's random order and placement; different for every process.</param>
internal sealed record RemeasureRequest(string FullName, string EntryAssembly, string Directory, int Seed)
{
    /// <summary>The process that started the child (0: none): the child ends itself when that process is gone.</summary>
    public int ParentProcessId { get; init; }
}
