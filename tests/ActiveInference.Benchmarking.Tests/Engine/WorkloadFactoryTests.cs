using System.Reflection;
using System.Runtime.CompilerServices;
using ActiveInference.Benchmarking.Engine;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.Engine;

[TestFixture]
public class WorkloadFactoryTests
{
    private static MethodInfo Method(string name) =>
        typeof(WorkloadTarget).GetMethod(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)!;

    [TestCase(0L)]
    [TestCase(1L)]
    [TestCase(1000L)]
    public void RunCallsTheMethodNTimes(long n)
    {
        var target = new WorkloadTarget();
        var workload = WorkloadFactory.Create(target, Method(nameof(WorkloadTarget.Count)), []);

        workload.Run(n);

        Assert.That(target.Calls, Is.EqualTo(n));
    }

    [Test]
    public void RunStoresTheReturnValueSoTheWorkCannotBeDropped()
    {
        var target = new WorkloadTarget();
        var workload = WorkloadFactory.Create(target, Method(nameof(WorkloadTarget.Count)), []);

        workload.Run(5);

        // The compiled loop writes each result into a heap box it holds: look for that box among the constants of
        // the delegate's closure (System.Runtime.CompilerServices.Closure, not in the reference assemblies).
        var closure = workload.Run.Target;
        var constants = closure?.GetType().GetField("Constants")?.GetValue(closure) as object[];
        Assert.That(constants, Is.Not.Null, "the loop is a compiled expression with a closure");
        Assert.That(constants!.OfType<IStrongBox>().Select(b => b.Value), Has.Member(5L));
    }

    [Test]
    public void RunCallsTheMethodThroughADelegateBoundOnceSoItCannotBeInlinedIntoTheLoop()
    {
        var target = new WorkloadTarget();
        var method = Method(nameof(WorkloadTarget.Take));
        var workload = WorkloadFactory.Create(target, method, [7, 2.5, "name", new Point(1, 2)]);

        var callee = Constants(workload.Run).OfType<Delegate>().SingleOrDefault();

        Assert.That(callee, Is.Not.Null, "the loop holds one delegate");
        Assert.Multiple(() =>
        {
            Assert.That(callee!.Method, Is.EqualTo(method));
            Assert.That(callee.Target, Is.SameAs(target));
        });
    }

    [Test]
    public void OverheadCallsAnEmptyMethodOfTheSameSignatureBoundTheSameWay()
    {
        var target = new WorkloadTarget();
        var workload = WorkloadFactory.Create(target, Method(nameof(WorkloadTarget.Take)), [7, 2.5, "name", new Point(1, 2)]);

        var callee = Constants(workload.Run).OfType<Delegate>().Single();
        var idle = Constants(workload.Overhead).OfType<Delegate>().SingleOrDefault();

        Assert.That(idle, Is.Not.Null, "the overhead loop holds one delegate");
        Assert.Multiple(() =>
        {
            Assert.That(idle!.GetType(), Is.EqualTo(callee.GetType()), "same delegate type, so the same invocation cost");
            Assert.That(idle.Target, Is.Not.Null, "closed over an instance, like the benchmark's delegate");
            Assert.That(idle.Method, Is.Not.EqualTo(callee.Method));
            Assert.That(Constants(workload.Overhead).OfType<string>(), Has.Member("name"), "the overhead loop passes the same arguments");
        });
        workload.Overhead(10);
        Assert.That(target.Calls, Is.Zero, "the overhead loop never calls the benchmark");
    }

    [Test]
    public void OverheadForAStaticMethodIsAnOpenStaticDelegateToo()
    {
        var workload = WorkloadFactory.Create(null, Method(nameof(WorkloadTarget.CountStatic)), [1]);

        var callee = Constants(workload.Run).OfType<Delegate>().Single();
        var idle = Constants(workload.Overhead).OfType<Delegate>().Single();

        Assert.Multiple(() =>
        {
            Assert.That(callee.Target, Is.Null);
            Assert.That(idle.Target, Is.Null);
            Assert.That(idle.GetType(), Is.EqualTo(callee.GetType()));
        });
    }

    // The compiled loops are expressions with a closure (System.Runtime.CompilerServices.Closure, not in the reference
    // assemblies) whose constants are what the loop loads before it starts.
    private static object[] Constants(Action<long> loop) =>
        loop.Target?.GetType().GetField("Constants")?.GetValue(loop.Target) as object[] ?? [];

    [Test]
    public void RunPassesArgumentsOfEveryKind()
    {
        var target = new WorkloadTarget();
        var point = new Point(3, -4);
        var workload = WorkloadFactory.Create(target, Method(nameof(WorkloadTarget.Take)), [7, 2.5, "name", point]);

        workload.Run(3);

        Assert.Multiple(() =>
        {
            Assert.That(target.Calls, Is.EqualTo(3));
            Assert.That(target.Received, Is.EqualTo((7, 2.5, "name", point)));
        });
    }

    [Test]
    public void RunCallsAStaticMethodWithoutATarget()
    {
        WorkloadTarget.StaticCalls = 0;
        var workload = WorkloadFactory.Create(null, Method(nameof(WorkloadTarget.CountStatic)), [2]);

        workload.Run(4);

        Assert.That(WorkloadTarget.StaticCalls, Is.EqualTo(8));
    }

    [Test]
    public void RunCallsAVoidMethod()
    {
        var target = new WorkloadTarget();
        var workload = WorkloadFactory.Create(target, Method(nameof(WorkloadTarget.Touch)), []);

        workload.Run(6);

        Assert.That(target.Calls, Is.EqualTo(6));
    }

    [TestCase(nameof(WorkloadTarget.Count))]
    [TestCase(nameof(WorkloadTarget.Touch))]
    [TestCase(nameof(WorkloadTarget.MakePoint))]
    public void OverheadRunsWithoutCallingTheBenchmark(string name)
    {
        var target = new WorkloadTarget();
        var workload = WorkloadFactory.Create(target, Method(name), []);

        workload.Overhead(100);

        Assert.That(target.Calls, Is.Zero);
    }

    [Test]
    public void SampleSetupIsCarriedThrough()
    {
        var setups = 0;
        var workload = WorkloadFactory.Create(new WorkloadTarget(), Method(nameof(WorkloadTarget.Touch)), [], () => setups++);

        workload.SampleSetup!();

        Assert.That(setups, Is.EqualTo(1));
    }

    [Test]
    public void ProbeReturnsTheValueWithOneCall()
    {
        var target = new WorkloadTarget();
        var workload = WorkloadFactory.Create(target, Method(nameof(WorkloadTarget.Take)), [1, 0.5, "x", new Point(1, 2)]);

        var value = workload.Probe();

        Assert.Multiple(() =>
        {
            Assert.That(value, Is.EqualTo(1.5));
            Assert.That(target.Calls, Is.EqualTo(1));
        });
    }

    [Test]
    public void ProbeReturnsNullForAVoidMethod()
    {
        var workload = WorkloadFactory.Create(new WorkloadTarget(), Method(nameof(WorkloadTarget.Touch)), []);

        Assert.That(workload.Probe(), Is.Null);
    }

    [Test]
    public void ProbeRethrowsTheOriginalException()
    {
        var workload = WorkloadFactory.Create(new WorkloadTarget(), Method(nameof(WorkloadTarget.Fail)), []);

        // Assert.Throws checks the exact type: a TargetInvocationException wrapper would fail this.
        var e = Assert.Throws<InvalidOperationException>(() => workload.Probe());

        Assert.That(e!.Message, Is.EqualTo(WorkloadTarget.FailureMessage));
    }

    [Test]
    public void RunPropagatesTheOriginalException()
    {
        var workload = WorkloadFactory.Create(new WorkloadTarget(), Method(nameof(WorkloadTarget.Fail)), []);

        Assert.Throws<InvalidOperationException>(() => workload.Run(1));
    }

    [TestCase(nameof(WorkloadTarget.WithRef), "ref")]
    [TestCase(nameof(WorkloadTarget.WithOut), "ref, out")]
    [TestCase(nameof(WorkloadTarget.WithIn), "in parameters")]
    [TestCase(nameof(WorkloadTarget.AsyncTask), "asynchronous")]
    [TestCase(nameof(WorkloadTarget.AsyncTaskOfInt), "asynchronous")]
    [TestCase(nameof(WorkloadTarget.AsyncValueTask), "asynchronous")]
    [TestCase(nameof(WorkloadTarget.Generic), "generic")]
    public void CreateRejectsMethodsItCannotBenchmarkNamingTheProblem(string name, string problem)
    {
        var method = Method(name);
        var arguments = method.GetParameters().Select(_ => (object?)1).ToArray();

        var e = Assert.Throws<ArgumentException>(() => WorkloadFactory.Create(new WorkloadTarget(), method, arguments));

        Assert.That(e!.Message, Does.Contain(name).And.Contain(problem));
    }

    [TestCase(0)]
    [TestCase(5)]
    public void CreateRejectsTheWrongNumberOfArguments(int given)
    {
        var e = Assert.Throws<ArgumentException>(() =>
            WorkloadFactory.Create(new WorkloadTarget(), Method(nameof(WorkloadTarget.Take)), new object?[given]));

        Assert.That(e!.Message, Does.Contain(nameof(WorkloadTarget.Take)).And.Contain($"takes 4 argument(s) but {given} were given"));
    }

    [Test]
    public void CreateRejectsAnInstanceMethodWithoutATarget()
    {
        var e = Assert.Throws<ArgumentException>(() => WorkloadFactory.Create(null, Method(nameof(WorkloadTarget.Count)), []));

        Assert.That(e!.Message, Does.Contain(nameof(WorkloadTarget.Count)).And.Contain("instance"));
    }
}
