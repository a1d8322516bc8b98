using System.Diagnostics;

namespace ActiveInference.Benchmarking.GateExperiment;

/// <summary>A CPU-bound busy loop in its own process (one core), started and stopped by the experiment.</summary>
internal sealed class Hog : IDisposable
{
    private Process? _process;

    public bool Running => _process is { HasExited: false };

    public void Start()
    {
        if (Running) return;
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("while :; do :; done");
        _process = Process.Start(start);
    }

    public void Stop()
    {
        if (_process is null) return;
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
        _process = null;
    }

    public void Dispose() => Stop();
}
