namespace ActiveInference.PerfMonitor;

/// <summary>Runs a child process to the end, handing each line of its output (stdout and stderr) to a callback.</summary>
internal interface IProcessRunner
{
    /// <summary>Runs <paramref name="spec"/>; returns its exit code.</summary>
    /// <exception cref="MonitorException">The process could not be started (e.g. <c>dotnet</c> not on the PATH).</exception>
    int Run(ProcessSpec spec, Action<string> onLine);
}
