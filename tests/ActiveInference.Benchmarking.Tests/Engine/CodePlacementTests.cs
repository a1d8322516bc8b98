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
    public void Chooses_the_copy_with_the_lowest_median_although_the_machine_slows_down_mid_round()
    {
        // Copies 1, 3, 5, 7 cost 1.5 (a slow placement), the others 1.0 except copy 4 at 0.9. Every third timing the
        // machine runs 2x slow: a copy's single timing says little, its median over rounds does.
        var cost = new[] { 1.0, 1.5, 1.0, 1.5, 0.9, 1.5, 1.0, 1.5 };
        var calls = 0;
        var choice = CodePlacement.ChooseFastest(cost.Length, 15, i => cost[i] * (calls++ % 3 == 0 ? 2 : 1));

        Assert.That(choice.Fastest, Is.EqualTo(4));
        Assert.That(choice.Medians, Has.Count.EqualTo(8));
        Assert.That(calls, Is.EqualTo(8 * 15));
        Assert.That(choice.Describe().Split(' ')[1], Is.EqualTo("1.67"));
    }

    [Test]
    public void Each_round_starts_from_a_different_copy()
    {
        var order = new List<int>();
        CodePlacement.ChooseFastest(3, 3, i => { order.Add(i); return 1; });

        Assert.That(order, Is.EqualTo(new[] { 0, 1, 2, 1, 2, 0, 2, 0, 1 }));
    }

    [Test]
    public void Rejects_no_copies_or_no_rounds()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CodePlacement.ChooseFastest(0, 5, _ => 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CodePlacement.ChooseFastest(3, 0, _ => 1));
    }

    [Test]
    public void Compiles_one_distinct_instantiation_per_copy_and_calls_each_once()
    {
        var method = typeof(CodePlacementTests).GetMethod(nameof(Twice), BindingFlags.Static | BindingFlags.NonPublic)!;
        var called = new List<Func<int, int>>();
        var copies = CodePlacement.Compile<Func<int, int>>(method, f => { called.Add(f); f(1); });

        Assert.That(copies, Has.Length.EqualTo(CodePlacement.Copies).And.Length.GreaterThanOrEqualTo(4));
        Assert.That(called, Is.EqualTo(copies));
        Assert.That(copies.Select(c => c.Method).Distinct().Count(), Is.EqualTo(copies.Length), "one generic instantiation each");
        Assert.That(copies.Select(c => c.Method.GetGenericArguments().Single()).All(t => t.IsValueType), "value-type arguments: code of their own");
        Assert.That(copies.Select(c => c(21)), Is.All.EqualTo(42));
    }

    [TestCase(typeof(QuadraticFormReference), "Evaluate")]
    [TestCase(typeof(MemoryStreamProbe), "Pass")]
    [TestCase(typeof(BranchProbe), "Pass")]
    public void Every_fixed_workload_runs_one_of_its_compiled_copies(Type workload, string hotMethod)
    {
        var instance = Activator.CreateInstance(workload)!;
        var placement = (CodePlacement.CopyChoice)workload.GetProperty("Placement", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(instance)!;
        var method = workload.GetMethod(hotMethod, BindingFlags.Static | BindingFlags.NonPublic)!;

        Assert.That(method.IsGenericMethodDefinition, "the hot loop is a generic method, compiled once per copy");
        Assert.That(method.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization, Is.EqualTo(MethodImplAttributes.AggressiveOptimization));
        Assert.That(placement.Medians, Has.Count.EqualTo(CodePlacement.Copies));
        Assert.That(placement.Medians[placement.Fastest], Is.EqualTo(placement.Medians.Min()));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Twice<TCopy>(int x) where TCopy : struct => 2 * x;
}
