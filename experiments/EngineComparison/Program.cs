using EngineComparison;

ComparisonOptions options;
try
{
    options = ComparisonOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(ComparisonOptions.Usage);
    return 2;
}

if (options.Tools is null) return new Comparison(options).Run();

foreach (var tool in options.Tools)
{
    var samplesFile = options.SamplesFile?.Replace("{tool}", tool, StringComparison.Ordinal);
    var result = tool == "engine"
        ? EngineTool.Measure(options.Kernel!, samplesFile)
        : BdnTool.Measure(options.Kernel!, options.BdnJob, options.BdnOverhead, options.BdnOutOfProcess, options.Artifacts, samplesFile);
    Console.WriteLine(result.ToLine());
}
return 0;
