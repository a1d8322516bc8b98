using MathNet.Numerics.Distributions;

namespace ActiveInference.Benchmarking.GateExperiment;

/// <summary>Exact (Clopper–Pearson) confidence bounds of a binomial proportion.</summary>
internal static class Binomial
{
    /// <summary>Two-sided 95% Clopper–Pearson interval of k events in n trials.</summary>
    public static (double Lower, double Upper) Interval(int k, int n, double level = 0.95)
    {
        if (n == 0) return (0, 1);
        var alpha = 1 - level;
        var lower = k == 0 ? 0 : Beta.InvCDF(k, n - k + 1, alpha / 2);
        var upper = k == n ? 1 : Beta.InvCDF(k + 1, n - k, 1 - alpha / 2);
        return (lower, upper);
    }

    /// <summary>One-sided 95% upper bound (for 0 events about 3/n, the rule of three).</summary>
    public static double UpperOneSided(int k, int n) => n == 0 ? 1 : k == n ? 1 : Beta.InvCDF(k + 1, n - k, 0.95);

    /// <summary>One-sided 95% lower bound.</summary>
    public static double LowerOneSided(int k, int n) => n == 0 ? 0 : k == 0 ? 0 : Beta.InvCDF(k, n - k + 1, 0.05);
}
