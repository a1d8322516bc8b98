namespace ActiveInference.PerfMonitor;

/// <summary>
/// A usage or infrastructure problem a command cannot go on with (missing file, unknown benchmark, bad argument):
/// reported as one line on standard error with exit code <see cref="ExitCodes.Error"/>.
/// </summary>
internal sealed class MonitorException(string message, Exception? inner = null) : Exception(message, inner);
