using BenchmarkDotNet.Attributes;

namespace EngineComparison;

/// <summary>
/// The same kernels for BenchmarkDotNet's state-labelled job: after every iteration (untimed, in BDN's
/// [IterationCleanup]) the engine's reference and state probes are timed, so each of BDN's short iterations
/// carries the machine state it ran in, like each of the engine's samples.
/// </summary>
public class LabelledKernels : Kernels
{
    /// <summary>The recorder of this process; BDN builds the benchmark instance itself, so it cannot be passed in.</summary>
    internal static StateRecorder? Recorder { get; private set; }

    /// <summary>Pilots the probes once, before BDN's first iteration.</summary>
    [GlobalSetup]
    public void CreateRecorder() => Recorder ??= new StateRecorder();

    /// <summary>Times the probes right after the iteration BDN has just timed.</summary>
    [IterationCleanup]
    public void RecordState() => Recorder!.Record();
}
