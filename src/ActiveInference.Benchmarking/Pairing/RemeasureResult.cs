using ActiveInference.Benchmarking.Gate;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>What a re-measuring child process hands back: the samples, or why the benchmark could not be measured.</summary>
/// <param name="Samples">Its samples and the state probes timed next to them; null when <paramref name="Problem"/> says why.</param>
/// <param name="Problem">Why it could not be measured (load, bind, set-up or a throwing benchmark), or null.</param>
internal sealed record RemeasureResult(Remeasurement? Samples, string? Problem);
