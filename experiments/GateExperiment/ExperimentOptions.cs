using System.Globalization;

namespace ActiveInference.Benchmarking.GateExperiment;

/// <summary>Command-line options of the experiment.</summary>
internal sealed record ExperimentOptions
{
    public int Checks { get; init; } = 40;
    public int AaChecks { get; init; } = 100;
    public string[] Kernels { get; init; } = ["K1", "K2", "K3"];
    public double[] Variants { get; init; } = [0, 0.05, 0.10, 0.20, 0.50];
    public bool Hog { get; init; }
    public int HogBlock { get; init; } = 10;
    public string Out { get; init; } = "gate-experiment.md";
    public string? Samples { get; init; }
    public string? Replay { get; init; }
    public double BaselineGapSeconds { get; init; } = 10;
    public int BaselineProcesses { get; init; } = 7;
    public int Seed { get; init; } = 1;
    public string? Assembly { get; init; }
    public bool Settle { get; init; }

    private static double Fraction(string text) =>
        text.EndsWith('%') ? double.Parse(text[..^1], CultureInfo.InvariantCulture) / 100 : double.Parse(text, CultureInfo.InvariantCulture);

    public static ExperimentOptions Parse(string[] args)
    {
        var o = new ExperimentOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--checks" => o with { Checks = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--aa-checks" => o with { AaChecks = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--kernels" => o with { Kernels = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--variants" => o with { Variants = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Fraction).ToArray() },
                "--hog" => o with { Hog = true },
                "--hog-block" => o with { HogBlock = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--out" => o with { Out = Next() },
                "--samples" => o with { Samples = Next() },
                "--replay" => o with { Replay = Next() },
                "--baseline-processes" => o with { BaselineProcesses = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--baseline-gap" => o with { BaselineGapSeconds = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--seed" => o with { Seed = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--assembly" => o with { Assembly = Next() },
                "--settle" => o with { Settle = true },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        if (o.Checks < 0 || o.AaChecks < 0) throw new ArgumentException("--checks and --aa-checks must be ≥ 0");
        if (o.BaselineProcesses < 1) throw new ArgumentException("--baseline-processes must be ≥ 1");
        if (o.Variants.Any(v => !(v >= 0 && v <= 10))) throw new ArgumentException("--variants: fractions 0 … 10 (0.2 or 20%)");
        return o;
    }
}
