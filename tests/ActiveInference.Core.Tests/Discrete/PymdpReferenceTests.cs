using System.Text.Json;
using ActiveInference.Core.Discrete;

namespace ActiveInference.Core.Tests.Discrete;

/// <summary>
/// Replays each reference episode with <see cref="Agent"/> and checks, at every step, the prior,
/// qs (default and converged FPI), F, the iteration count, G and its parts, q_pi, the action
/// marginals and the chosen action against pymdp 0.0.7.1.
/// </summary>
[TestFixture]
public sealed class PymdpReferenceTests
{
    private const double Tolerance = 1e-11; // observed agreement: better than 1e-13

    [Test]
    public void TheBundledReferenceFilesAreFound()
    {
        var names = ReferenceCase.Files().Select(Path.GetFileName).ToArray()!;
        Assert.That(names, Is.SupersetOf(new[] { "single_factor_3x3.json", "two_factor_two_modality.json", "gridworld_3x3.json" }));
    }

    [Test]
    public void TheReferenceFolderFromTheEnvironmentExistsWhenNamed()
    {
        var folder = Environment.GetEnvironmentVariable(ReferenceCase.DirectoryVariable);
        if (string.IsNullOrWhiteSpace(folder))
        {
            Assert.Pass(ReferenceCase.DirectoryVariable + " is not set; only the bundled files run.");
        }

        Assert.That(Directory.Exists(folder), Is.True, $"{ReferenceCase.DirectoryVariable} names '{folder}', which is not a folder.");
    }

    [TestCaseSource(typeof(ReferenceCase), nameof(ReferenceCase.Steps))]
    public void StepMatchesPymdp(string file, int step)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        var root = document.RootElement;
        var model = PymdpModelReader.Read(root.GetProperty("model"));
        var agent = new Agent(model, new AgentSettings(
            Gamma: root.GetProperty("model").GetProperty("gamma").GetDouble(),
            Alpha: root.GetProperty("model").GetProperty("alpha").GetDouble(),
            Inference: Settings(root.GetProperty("fpi_settings").GetProperty("default"))));
        var steps = root.GetProperty("steps").EnumerateArray().ToArray();

        // Replay the episode up to the step under test, choosing actions as pymdp did.
        for (var t = 0; t < step; t++)
        {
            agent.InferStates(Ints(steps[t].GetProperty("obs")));
            agent.InferPolicies();
            agent.SampleAction();
        }

        var expected = steps[step];
        var observation = Ints(expected.GetProperty("obs"));
        if (step > 0)
        {
            Assert.That(agent.LastAction.ToArray(), Is.EqualTo(Ints(expected.GetProperty("previous_action"))), "previous action");
        }

        var inference = agent.InferStates(observation);

        var prior = expected.GetProperty("prior").EnumerateArray().ToArray();
        for (var f = 0; f < model.FactorCount; f++)
        {
            AssertClose(agent.Prior(f), PymdpModelReader.Flatten(prior[f]), $"prior[{f}]");
        }

        AssertClose(agent.StateEngine.LogLikelihood, PymdpModelReader.Flatten(expected.GetProperty("log_likelihood")), "log_likelihood");

        var states = expected.GetProperty("infer_states");
        var qs = states.GetProperty("qs").EnumerateArray().ToArray();
        for (var f = 0; f < model.FactorCount; f++)
        {
            AssertClose(agent.Posterior(f), PymdpModelReader.Flatten(qs[f]), $"qs[{f}]");
        }

        Assert.That(inference.FreeEnergy, Is.EqualTo(states.GetProperty("F").GetDouble()).Within(Tolerance), "F");
        Assert.That(inference.Iterations, Is.EqualTo(states.GetProperty("num_iterations_run").GetInt32()), "iterations");
        Assert.That(inference.ClosedForm, Is.EqualTo(states.GetProperty("closed_form_single_factor").GetBoolean()), "closed form");

        CheckConverged(model, agent, observation, expected.GetProperty("infer_states_converged"), root);

        var policies = expected.GetProperty("infer_policies");
        var qPi = agent.InferPolicies();
        AssertClose(agent.NegativeExpectedFreeEnergy, PymdpModelReader.Flatten(policies.GetProperty("G")), "G");
        AssertClose(qPi, PymdpModelReader.Flatten(policies.GetProperty("q_pi")), "q_pi");
        AssertClose(agent.ExpectedUtility, PymdpModelReader.Flatten(policies.GetProperty("expected_utility")), "expected_utility");
        AssertClose(agent.InformationGain, PymdpModelReader.Flatten(policies.GetProperty("states_info_gain")), "states_info_gain");

        var action = expected.GetProperty("sample_action");
        var chosen = agent.SampleAction().ToArray();
        var marginals = action.GetProperty("action_marginals").EnumerateArray().ToArray();
        for (var f = 0; f < model.FactorCount; f++)
        {
            AssertClose(agent.ActionMarginals(f), PymdpModelReader.Flatten(marginals[f]), $"action_marginals[{f}]");
        }

        Assert.That(chosen, Is.EqualTo(Ints(action.GetProperty("action"))), "action");
    }

    private static void CheckConverged(GenerativeModel model, Agent agent, int[] observation, JsonElement converged, JsonElement root)
    {
        var engine = new FixedPointIteration(model);
        engine.SetObservation(observation);
        for (var f = 0; f < model.FactorCount; f++)
        {
            engine.SetPrior(f, agent.Prior(f));
        }

        var result = engine.Run(Settings(root.GetProperty("fpi_settings").GetProperty("converged")));
        var qs = converged.GetProperty("qs").EnumerateArray().ToArray();
        for (var f = 0; f < model.FactorCount; f++)
        {
            AssertClose(engine.Posterior(f), PymdpModelReader.Flatten(qs[f]), $"converged qs[{f}]");
        }

        Assert.That(result.FreeEnergy, Is.EqualTo(converged.GetProperty("F").GetDouble()).Within(Tolerance), "converged F");
        Assert.That(result.Iterations, Is.EqualTo(converged.GetProperty("num_iterations_run").GetInt32()), "converged iterations");
    }

    private static FixedPointSettings Settings(JsonElement element) =>
        new(element.GetProperty("num_iter").GetInt32(), element.GetProperty("dF_tol").GetDouble());

    private static int[] Ints(JsonElement element) => element.EnumerateArray().Select(x => x.GetInt32()).ToArray();

    private static void AssertClose(ReadOnlySpan<double> actual, double[] expected, string what)
    {
        Assert.That(actual.Length, Is.EqualTo(expected.Length), what + " length");
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.That(actual[i], Is.EqualTo(expected[i]).Within(Tolerance), $"{what}[{i}]");
        }
    }
}
