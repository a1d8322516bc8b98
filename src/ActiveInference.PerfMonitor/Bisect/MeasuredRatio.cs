namespace ActiveInference.PerfMonitor.Bisect;

/// <summary>One benchmark's paired change between two commits, as the gate measured it.</summary>
/// <param name="Ratio">Time of the later commit ÷ time of the earlier one (1 when the code was unchanged and nothing was measured).</param>
/// <param name="Lower">Lower bound of its interval, or null.</param>
/// <param name="Upper">Upper bound of its interval, or null.</param>
/// <param name="Verdict">The gate's verdict (Regressed, Improved, Passed, Unchanged, ...).</param>
/// <param name="Processes">Paired processes the ratio rests on.</param>
/// <param name="CopiesPerSide">Copies of each side per process.</param>
internal sealed record MeasuredRatio(double Ratio, double? Lower, double? Upper, string Verdict, int Processes, int CopiesPerSide);
