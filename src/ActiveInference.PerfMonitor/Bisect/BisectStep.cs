namespace ActiveInference.PerfMonitor.Bisect;

/// <summary>A step bisect narrowed down: the first commit at the new level, its parent on the first-parent line and their paired change.</summary>
/// <param name="Benchmark">The benchmark's full name.</param>
/// <param name="LastBefore">The last commit at the old level (the good end).</param>
/// <param name="FirstAfter">The first commit at the new level; when commits between could not be built, the range's bad end.</param>
/// <param name="Change">The paired change from <paramref name="LastBefore"/> to <paramref name="FirstAfter"/>.</param>
/// <param name="Narrowed">True when the two are neighbours (one commit found); false when unbuildable commits kept it a range.</param>
internal sealed record BisectStep(string Benchmark, string LastBefore, string FirstAfter, MeasuredRatio Change, bool Narrowed);
