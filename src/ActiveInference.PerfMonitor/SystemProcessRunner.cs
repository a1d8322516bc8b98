using System.ComponentModel;
using System.Diagnostics;

namespace ActiveInference.PerfMonitor;

/// <summary>Runs a real child process, streaming its output lines as they come.</summary>
internal sealed class SystemProcessRunner : IProcessRunner
{
    /// <inheritdoc />
    public int Run(ProcessSpec spec, Action<string> onLine)
    {
        var start = new ProcessStartInfo(spec.FileName)
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in spec.Arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in spec.Environment)
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }

        var gate = new object();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (gate) onLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (gate) onLine(e.Data); };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new MonitorException($"cannot start '{spec.FileName}': {e.Message}", e);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        return process.ExitCode;
    }
}
