using ActiveInference.Core.Continuous;
using ActiveInference.Core.Discrete;

namespace ActiveInference.Core.Tests;

/// <summary>
/// The hot paths allocate nothing once warm: measured with GC.GetAllocatedBytesForCurrentThread
/// around a second call (bytes, not time).
/// </summary>
[TestFixture]
public sealed class AllocationTests
{
    [Test]
    public void FreeEnergyAndGradientAllocateNothing()
    {
        var model = ModelFactory.LinearGaussian(50, 40, seed: 1);
        var mu = ModelFactory.NormalVector(50, 2);
        var o = ModelFactory.NormalVector(40, 3);
        var gradient = new double[50];
        var workspace = model.CreateWorkspace();
        var simple = new SimpleFreeEnergy(model.ObservationPrecision);

        Assert.That(BytesAllocated(() => model.FreeEnergy(mu, o)), Is.Zero, "FreeEnergy");
        Assert.That(BytesAllocated(() => model.FreeEnergy(mu, o, workspace)), Is.Zero, "FreeEnergy with workspace");
        Assert.That(BytesAllocated(() => model.FreeEnergyAndGradient(mu, o, gradient)), Is.Zero, "FreeEnergyAndGradient");
        Assert.That(BytesAllocated(() => simple.Compute(o, o)), Is.Zero, "SimpleFreeEnergy.Compute");
    }

    [Test]
    public void TheAllocatingFreeEnergyDoesAllocate()
    {
        // Guards the measurement itself: it must see allocations when there are some.
        var model = ModelFactory.LinearGaussian(5, 4, seed: 1);
        var mu = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(5);
        var o = MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(4);
        Assert.That(BytesAllocated(() => model.FreeEnergyAllocating(mu, o)), Is.GreaterThan(0));
    }

    [Test]
    public void BeliefUpdateAndVariationalIterationAllocateNothing()
    {
        var model = ModelFactory.LinearGaussian(30, 20, seed: 4);
        var o = ModelFactory.NormalVector(20, 5);
        var belief = new BeliefState(model);
        var iteration = new VariationalIteration(model);
        var mean = new double[30];
        var variance = new double[30];

        Assert.That(BytesAllocated(() => belief.Update(o)), Is.Zero, "BeliefState.Update");
        Assert.That(BytesAllocated(() => iteration.Step(o, mean, variance)), Is.Zero, "VariationalIteration.Step");
    }

    [Test]
    public void DiscreteHotPathsAllocateNothing()
    {
        var model = ModelFactory.Pomdp([4, 3, 2], [5, 4], [3, 2, 2], policyLength: 2, seed: 7);
        var observation = ModelFactory.Observation(model, 8);
        var agent = new Agent(model);
        var engine = new FixedPointIteration(model);
        engine.SetObservation(observation);
        var random = new Random(1);

        Assert.That(BytesAllocated(() => engine.Sweep()), Is.Zero, "FixedPointIteration.Sweep");
        Assert.That(BytesAllocated(() => agent.InferStates(observation)), Is.Zero, "Agent.InferStates");
        Assert.That(BytesAllocated(() => agent.EvaluatePolicy(3)), Is.Zero, "Agent.EvaluatePolicy");
        Assert.That(BytesAllocated(() => agent.InferPolicies()), Is.Zero, "Agent.InferPolicies");
        Assert.That(BytesAllocated(() => agent.SampleAction()), Is.Zero, "Agent.SampleAction");
        Assert.That(BytesAllocated(() => agent.SampleAction(random)), Is.Zero, "Agent.SampleAction(Random)");
    }

    private static long BytesAllocated(Action action)
    {
        action(); // warm up: JIT, lazy model parts
        action();
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static long BytesAllocated<T>(Func<T> function) => BytesAllocated(() => { _ = function(); });
}
