namespace ActiveInference.Benchmarking.Tests.Engine;

/// <summary>A struct argument for <see cref="WorkloadTarget"/>.</summary>
internal readonly record struct Point(int X, int Y);
