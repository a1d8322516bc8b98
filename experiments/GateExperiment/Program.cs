using System.Text.Json;
using ActiveInference.Benchmarking.GateExperiment;

// The gate experiment of issue 4: see README.md next to this file.
ExperimentOptions options;
try
{
    options = ExperimentOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"gate-experiment: {e.Message}");
    Console.Error.WriteLine("usage: GateExperiment [--checks N] [--aa-checks N] [--kernels K1,K2,K3] [--variants 0,5%,10%,20%,50%] [--hog] [--hog-block N] [--out report.md] [--samples samples.json] [--baseline-gap s] [--baseline-processes N] [--seed n] [--assembly fixtures.dll] | --replay samples.json [--settle] [--out report.md]");
    return 2;
}

ExperimentData data;
if (options.Replay is { } replay)
{
    data = JsonSerializer.Deserialize<ExperimentData>(File.ReadAllText(replay))
        ?? throw new InvalidDataException($"{replay}: no data");
}
else
{
    var assembly = options.Assembly ?? FindAssembly();
    if (!File.Exists(assembly))
    {
        Console.Error.WriteLine($"gate-experiment: {assembly} not found; build it first: dotnet build experiments/GateExperiment/Fixtures -c Release");
        return 2;
    }
    data = new Runner(options, Path.GetFullPath(assembly)).Run();
}

var report = "# Gate experiment\n\n" + Report.Write(data) + Replay.Write(data, "recorded baselines");
if (options.Settle)
{
    var settled = Replay.Redecide(Settling.Apply(data));
    var dropped = data.Processes.Zip(settled.Processes, Settling.Dropped).Where(d => d > 0).ToArray();
    report += $"\n## Same processes, samples taken before the reference workload tiered up dropped (emulates a warmed-up reference)\n\n"
        + string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{dropped.Length} of {data.Processes.Count} processes had a tier-0 reference at the start of measuring; they lost on average {(dropped.Length == 0 ? 0 : dropped.Average()) * 100:0}% of their samples.\n\n")
        + Report.Write(settled) + Replay.Write(settled, "settled samples");
}
Console.WriteLine(report);
var temporary = options.Out + ".tmp";
File.WriteAllText(temporary, report);
File.Move(temporary, options.Out, overwrite: true);
return 0;

static string FindAssembly()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "experiments", "GateExperiment", "Fixtures", "bin", "Release", "net10.0", "GateExperiment.Fixtures.dll");
        if (File.Exists(candidate)) return candidate;
    }
    return Path.Combine("experiments", "GateExperiment", "Fixtures", "bin", "Release", "net10.0", "GateExperiment.Fixtures.dll");
}
