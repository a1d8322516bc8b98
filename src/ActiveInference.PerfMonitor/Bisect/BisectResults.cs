namespace ActiveInference.PerfMonitor.Bisect;

/// <summary>What a bisect found, and the chain of paired measurements that led there.</summary>
/// <param name="Steps">The steps found, oldest first; empty when the range holds none beyond the threshold.</param>
/// <param name="Measurements">Every paired measurement made, in order.</param>
/// <param name="Skipped">Commits that did not build, each with why.</param>
internal sealed record BisectOutcome(IReadOnlyList<BisectStep> Steps, IReadOnlyList<PairMeasurement> Measurements, IReadOnlyList<UnbuildableCommitException> Skipped);

/// <summary>A step bisect narrowed down: the first commit at the new level, its parent on the first-parent line and their paired change.</summary>
/// <param name="Benchmark">The benchmark's full name.</param>
/// <param name="LastBefore">The last commit at the old level (the good end).</param>
/// <param name="FirstAfter">The first commit at the new level; when commits between could not be built, the range's bad end.</param>
/// <param name="Change">The paired change from <paramref name="LastBefore"/> to <paramref name="FirstAfter"/>.</param>
/// <param name="Narrowed">True when the two are neighbours (one commit found); false when unbuildable commits kept it a range.</param>
internal sealed record BisectStep(string Benchmark, string LastBefore, string FirstAfter, MeasuredRatio Change, bool Narrowed);

/// <summary>A paired gate run of <paramref name="Current"/>'s code beside <paramref name="Baseline"/>'s: every benchmark of the filter.</summary>
/// <param name="Current">The later commit (full hash).</param>
/// <param name="Baseline">The earlier commit (full hash).</param>
/// <param name="Benchmarks">Full name → its change.</param>
internal sealed record PairMeasurement(string Current, string Baseline, IReadOnlyDictionary<string, MeasuredRatio> Benchmarks);

/// <summary>One benchmark's paired change between two commits, as the gate measured it.</summary>
/// <param name="Ratio">Time of the later commit ÷ time of the earlier one (1 when the code was unchanged and nothing was measured).</param>
/// <param name="Lower">Lower bound of its interval, or null.</param>
/// <param name="Upper">Upper bound of its interval, or null.</param>
/// <param name="Verdict">The gate's verdict (Regressed, Improved, Passed, Unchanged, ...).</param>
/// <param name="Processes">Paired processes the ratio rests on.</param>
/// <param name="CopiesPerSide">Copies of each side per process.</param>
internal sealed record MeasuredRatio(double Ratio, double? Lower, double? Upper, string Verdict, int Processes, int CopiesPerSide);
