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

if (options.Tool is null) return new Comparison(options).Run();

var result = options.Tool == "engine"
    ? EngineTool.Measure(options.Kernel!, options.SamplesFile)
    : BdnTool.Measure(options.Kernel!, options.BdnJob, options.BdnOverhead, options.BdnOutOfProcess, options.Artifacts, options.SamplesFile);
Console.WriteLine(result.ToLine());
return 0;
