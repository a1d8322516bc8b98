using ActiveInference.Core.Discrete;

namespace ActiveInference.Core.Tests.Discrete;

[TestFixture]
public sealed class DiscreteKernelTests
{
    [Test]
    public void PoliciesComeInPymdpOrder()
    {
        var policies = GenerativeModel.AllPolicies([3, 2], policyLength: 1);
        var flat = policies.Select(p => new[] { p[0, 0], p[0, 1] }).ToArray();
        Assert.That(flat, Is.EqualTo(new[] { new[] { 0, 0 }, new[] { 0, 1 }, new[] { 1, 0 }, new[] { 1, 1 }, new[] { 2, 0 }, new[] { 2, 1 } }));
        Assert.That(GenerativeModel.AllPolicies([4], 2), Has.Count.EqualTo(16));
        Assert.That(GenerativeModel.AllPolicies([4], 2)[1][1, 0], Is.EqualTo(1));
    }

    [Test]
    public void SoftmaxIsStableForLargeInputs()
    {
        double[] x = [1000.0, 1001.0, -1000.0];
        Probability.SoftmaxInPlace(x);
        var e = Math.Exp(-1.0);
        Assert.That(x[0], Is.EqualTo(e / (1 + e)).Within(1e-15));
        Assert.That(x[1], Is.EqualTo(1 / (1 + e)).Within(1e-15));
        Assert.That(x[2], Is.EqualTo(0.0));
        Assert.That(Probability.LogSumExp([1000.0, 1000.0], new double[2]), Is.EqualTo(1000 + Math.Log(2)).Within(1e-12));
    }

    [Test]
    public void ArgMaxTakesTheFirstOfTiedEntries()
    {
        Assert.That(Probability.ArgMax([0.2, 0.4, 0.4]), Is.EqualTo(1));
        Assert.That(Probability.ArgMax([0.5, 0.5]), Is.EqualTo(0));
    }

    [Test]
    public void SampledActionsAreReproducibleFromTheSeedAndFollowTheMarginals()
    {
        var model = ModelFactory.Pomdp([4], [4], [4], policyLength: 1, seed: 3);
        var agent = new Agent(model, new AgentSettings(Alpha: 1.0));
        agent.InferStates([1]);
        agent.InferPolicies();
        var first = Draw(agent, 7, 2000);
        var second = Draw(agent, 7, 2000);
        Assert.That(first, Is.EqualTo(second));

        // With alpha = 1, p(u) = marginal(u): the empirical frequencies match within sampling error.
        agent.SampleAction();
        var marginal = agent.ActionMarginals(0).ToArray();
        for (var u = 0; u < 4; u++)
        {
            var frequency = first.Count(a => a == u) / 2000.0;
            Assert.That(frequency, Is.EqualTo(marginal[u]).Within(0.05), $"action {u}");
        }
    }

    [Test]
    public void SweepsOfThreeFactorsMatchABruteForceExpectation()
    {
        var model = ModelFactory.Pomdp([3, 2, 4], [5, 3], [1, 1, 1], policyLength: 1, seed: 5);
        var engine = new FixedPointIteration(model);
        engine.SetObservation([2, 1]);
        engine.Run(new FixedPointSettings(3, 0));
        var q = Enumerable.Range(0, 3).Select(f => engine.Posterior(f).ToArray()).ToArray();
        var logL = engine.LogLikelihood.ToArray();

        engine.Sweep();

        int[] sizes = [3, 2, 4];
        for (var f = 0; f < 3; f++)
        {
            var expected = new double[sizes[f]];
            for (var s0 = 0; s0 < 3; s0++)
            {
                for (var s1 = 0; s1 < 2; s1++)
                {
                    for (var s2 = 0; s2 < 4; s2++)
                    {
                        int[] s = [s0, s1, s2];
                        double w = 1;
                        for (var g = 0; g < 3; g++)
                        {
                            if (g != f)
                            {
                                w *= q[g][s[g]];
                            }
                        }

                        expected[s[f]] += w * logL[(((s0 * 2) + s1) * 4) + s2];
                    }
                }
            }

            for (var i = 0; i < expected.Length; i++)
            {
                expected[i] += engine.LogPrior(f)[i];
            }

            Probability.SoftmaxInPlace(expected);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.That(engine.Posterior(f)[i], Is.EqualTo(expected[i]).Within(1e-14), $"q[{f}][{i}]");
            }
        }
    }

    [Test]
    public void TheDefaultStopRuleRunsFewerSweepsThanTheConvergedOne()
    {
        var model = ModelFactory.Pomdp([5, 4], [6, 3], [2, 2], policyLength: 1, seed: 12);
        var engine = new FixedPointIteration(model);
        engine.SetObservation([3, 0]);
        var quick = engine.Run(FixedPointSettings.Default);
        var converged = engine.Run(FixedPointSettings.Converged);

        Assert.That(quick.Iterations, Is.LessThanOrEqualTo(10));
        Assert.That(quick.LastChange < 1e-3 || quick.Iterations == 10, Is.True);
        Assert.That(converged.Iterations, Is.EqualTo(1000));
        Assert.That(converged.FreeEnergy, Is.LessThanOrEqualTo(quick.FreeEnergy + 1e-3));
    }

    private static int[] Draw(Agent agent, int seed, int count)
    {
        var random = new Random(seed);
        var result = new int[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = agent.SampleAction(random)[0];
        }

        return result;
    }
}
