using System.Reflection;
using System.Runtime.CompilerServices;
using ActiveInference.Benchmarking.Engine;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Engine;

/// <summary>The fixed workloads run the fastest of several compiled copies, so their speed does not follow where the JIT put them.</summary>
[TestFixture]
public sealed class CodePlacementTests
{
    [Test]
    public void ChoosesTheCopyWithTheLowestMedianOfInterleavedTimings()
    {
        // Copy 0 is the fastest; the machine runs 2x slow for the first 40% of the timings, and one of copy 0's
        // timings is preempted (x50). Timing the copies one after the other would see copy 0 only while slow; a mean
        // would count the preemption. Interleaved rounds and the median still find copy 0.
        var cost = new[] { 0.9, 1.0, 1.5, 1.0, 1.5, 1.0, 1.5, 1.0 };
        var calls = 0;
        var zeroCalls = 0;
        var choice = CodePlacement.ChooseFastest(cost.Length, 15, i =>
            cost[i] * (calls++ < 48 ? 2 : 1) * (i == 0 && ++zeroCalls == 3 ? 50 : 1));

        Assert.That(choice.Fastest, Is.EqualTo(0));
        Assert.That(choice.Medians, Has.Count.EqualTo(8));
        Assert.That(calls, Is.EqualTo(8 * 15));
        Assert.That(choice.Describe().Split(' ')[2], Is.EqualTo("1.67"));
    }

    [Test]
    public void ChooseCompilesAndWarmsEveryCopyUntimedThenRunsTheRoundsAndReturnsTheChosenDelegate()
    {
        var method = typeof(CodePlacementTests).GetMethod(nameof(Twice), BindingFlags.Static | BindingFlags.NonPublic)!;
        var batches = new List<Func<int, int>>();
        var chosen = CodePlacement.Choose<Func<int, int>>(method, f => { batches.Add(f); f(1); }, 5);

        Assert.That(batches, Has.Count.EqualTo(CodePlacement.Copies * 6));
        Assert.That(batches.Take(CodePlacement.Copies).Select(f => CodePlacement.IndexOf(f.Method)), Is.EqualTo(Enumerable.Range(0, CodePlacement.Copies)));
        Assert.That(CodePlacement.IndexOf(chosen.Copy.Method), Is.EqualTo(chosen.Placement.Fastest));
    }

    [Test]
    public void EachRoundStartsFromADifferentCopy()
    {
        var order = new List<int>();
        CodePlacement.ChooseFastest(3, 3, i => { order.Add(i); return 1; });

        Assert.That(order, Is.EqualTo(new[] { 0, 1, 2, 1, 2, 0, 2, 0, 1 }));
    }

    [Test]
    public void RejectsNoCopiesOrNoRounds()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CodePlacement.ChooseFastest(0, 5, _ => 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CodePlacement.ChooseFastest(3, 0, _ => 1));
    }

    [Test]
    public void CompilesOneInstantiationWithItsOwnMachineCodePerCopyAndCallsEachOnce()
    {
        var method = typeof(CodePlacementTests).GetMethod(nameof(Thrice), BindingFlags.Static | BindingFlags.NonPublic)!;
        var called = new List<Func<int, int>>();
        // Compile the same shape once first, so that what Compile itself needs is compiled before the count starts.
        CodePlacement.Compile<Func<int, int>>(typeof(CodePlacementTests).GetMethod(nameof(Twice), BindingFlags.Static | BindingFlags.NonPublic)!, f => called.Add(f));
        called.Clear();
        var compiledBefore = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true);
        var copies = CodePlacement.Compile<Func<int, int>>(method, f => { called.Add(f); f(1); });
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount(currentThread: true) - compiledBefore;

        Assert.That(copies, Has.Length.EqualTo(CodePlacement.Copies).And.Length.GreaterThanOrEqualTo(4));
        Assert.That(called, Is.EqualTo(copies));
        Assert.That(copies.Select(c => CodePlacement.IndexOf(c.Method)), Is.EqualTo(Enumerable.Range(0, CodePlacement.Copies)));
        Assert.That(compiled, Is.GreaterThanOrEqualTo(CodePlacement.Copies), "each value-type instantiation is compiled on its own (shared code would compile once)");
        Assert.That(copies.Select(c => c(7)), Is.All.EqualTo(21));
    }

    [Test]
    public void IndexOfIsMinusOneForAMethodThatIsNotACopy() =>
        Assert.That(CodePlacement.IndexOf(typeof(CodePlacementTests).GetMethod(nameof(IndexOfIsMinusOneForAMethodThatIsNotACopy))!), Is.EqualTo(-1));

    [TestCase(typeof(QuadraticFormReference), "Evaluate")]
    [TestCase(typeof(MemoryStreamProbe), "Pass")]
    [TestCase(typeof(BranchProbe), "Pass")]
    public void EveryFixedWorkloadRunsTheFastestOfItsCompiledCopies(Type workload, string hotMethod)
    {
        var instance = Activator.CreateInstance(workload)!;
        var placement = (CodePlacement.CopyChoice)workload.GetProperty("Placement", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(instance)!;
        var running = (int)workload.GetProperty("RunningCopy", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(instance)!;
        var method = workload.GetMethod(hotMethod, BindingFlags.Static | BindingFlags.NonPublic)!;

        Assert.That(method.IsGenericMethodDefinition, "the hot loop is a generic method, compiled once per copy");
        Assert.That(method.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization, Is.EqualTo(MethodImplAttributes.AggressiveOptimization));
        Assert.That(placement.Medians, Has.Count.EqualTo(CodePlacement.Copies));
        Assert.That(running, Is.EqualTo(placement.Fastest));
        Assert.That(placement.Medians[running], Is.EqualTo(placement.Medians.Min()));
    }

    [Test]
    public void TheReferenceNameUsedInFingerprintsIsTheInstancesName() =>
        Assert.That(new QuadraticFormReference().Name, Is.EqualTo(QuadraticFormReference.ReferenceName));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Twice<TCopy>(int x) where TCopy : struct => 2 * x;

    // Its own method: Twice's copies may already be compiled by another test, and then nothing is left to count.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Thrice<TCopy>(int x) where TCopy : struct => 3 * x;
}
