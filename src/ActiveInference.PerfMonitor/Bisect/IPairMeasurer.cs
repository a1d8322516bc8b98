namespace ActiveInference.PerfMonitor.Bisect;

/// <summary>Measures one commit's code beside another's with the gate's paired rule; the search's only contact with builds and processes.</summary>
internal interface IPairMeasurer
{
    /// <summary>The paired change from <paramref name="baseline"/> to <paramref name="current"/> (full hashes).</summary>
    /// <exception cref="UnbuildableCommitException">One of the two does not build.</exception>
    /// <exception cref="MonitorException">The measurement could not run.</exception>
    PairMeasurement Measure(string current, string baseline);
}
