using System.Diagnostics;
using System.Reflection;
using System.Reflection.Emit;
using ActiveInference.Benchmarking.Execution;
using ActiveInference.Benchmarking.Fixtures;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Execution;

[TestFixture]
public class TrustCheckTests
{
    private static readonly Assembly Fixtures = typeof(CostFixtures).Assembly;

    [Test]
    public void ReleaseBuiltFixturesAreTrusted()
    {
        Assert.That(TrustCheck.Inspect(Fixtures, debuggerAttached: false), Is.Empty);
    }

    [Test]
    public void AttachedDebuggerIsAnIssue()
    {
        Assert.That(TrustCheck.Inspect(Fixtures, debuggerAttached: true), Has.Some.Contains("debugger"));
    }

    [Test]
    public void UnoptimisedAssemblyIsAnIssueNamingIt()
    {
        var unoptimised = DebugCompiledAssembly("UnoptimisedBenchmarks");

        Assert.Multiple(() =>
        {
            Assert.That(TrustCheck.IsJitOptimizerDisabled(unoptimised), Is.True);
            Assert.That(TrustCheck.Inspect(unoptimised, debuggerAttached: false), Has.Some.Contains("UnoptimisedBenchmarks").And.Contains("without optimisation"));
        });
    }

    [Test]
    public void OptimisedAssemblyIsNotFlagged()
    {
        Assert.That(TrustCheck.IsJitOptimizerDisabled(Fixtures), Is.False);
    }

    /// <summary>An in-memory assembly carrying the attribute a Debug build gets: [Debuggable(DisableOptimizations)].</summary>
    private static Assembly DebugCompiledAssembly(string name)
    {
        var debuggable = new CustomAttributeBuilder(
            typeof(DebuggableAttribute).GetConstructor([typeof(DebuggableAttribute.DebuggingModes)])!,
            [DebuggableAttribute.DebuggingModes.Default | DebuggableAttribute.DebuggingModes.DisableOptimizations]);
        return AssemblyBuilder.DefineDynamicAssembly(new AssemblyName(name), AssemblyBuilderAccess.Run, [debuggable]);
    }
}
