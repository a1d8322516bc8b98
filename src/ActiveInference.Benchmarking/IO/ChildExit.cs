namespace ActiveInference.Benchmarking.IO;

/// <summary>How a child process ended, as <see cref="ChildLauncher"/>'s process runner reports it.</summary>
/// <param name="ExitCode">Its exit code; meaningless when <paramref name="TimedOut"/>.</param>
/// <param name="Output">What it wrote to stderr, then stdout.</param>
/// <param name="TimedOut">True when it was still running at the timeout and was killed.</param>
internal sealed record ChildExit(int ExitCode, string Output, bool TimedOut);
