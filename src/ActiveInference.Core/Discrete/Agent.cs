using System.Numerics.Tensors;

namespace ActiveInference.Core.Discrete;

/// <summary>
/// A discrete active-inference agent, step for step like pymdp 0.0.7.1's <c>Agent</c>:
/// <see cref="InferStates(ReadOnlySpan{int})"/> (prior D at first, then B[u]·q after an action),
/// <see cref="InferPolicies"/> (G per policy, q_pi = softmax(γG + ln* E)) and
/// <see cref="SampleAction()"/> (deterministic, from the first step's action marginals).
/// </summary>
/// <remarks>
/// Owns all buffers: after construction, the three steps allocate nothing. Results are exposed as
/// read-only views that change on the next call. Mutable; not thread-safe.
/// </remarks>
public sealed class Agent
{
    private readonly GenerativeModel _model;
    private readonly FixedPointIteration _states;
    private readonly ExpectedFreeEnergy _efe;
    private readonly double[][] _prior;
    private readonly double[][] _posterior;
    private readonly double[] _g;
    private readonly double[] _qPi;
    private readonly double[] _utility;
    private readonly double[] _gain;
    private readonly double[][] _marginals;
    private readonly double[][] _actionWeights;
    private readonly int[] _action;
    private bool _hasAction;

    /// <summary>Creates an agent at t = 0 (prior D, uniform posterior, no action yet).</summary>
    /// <param name="model">The generative model.</param>
    /// <param name="settings">γ, α and the state-inference stop rule; null = pymdp defaults.</param>
    public Agent(GenerativeModel model, AgentSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        settings ??= AgentSettings.Default;
        Guard.Positive(settings.Gamma, "settings.Gamma");
        Guard.Positive(settings.Alpha, "settings.Alpha");
        settings.StateInference.Validate();
        _model = model;
        Settings = settings;
        _states = new FixedPointIteration(model);
        _efe = new ExpectedFreeEnergy(model);
        var factors = model.FactorCount;
        _prior = new double[factors][];
        _posterior = new double[factors][];
        _marginals = new double[factors][];
        _actionWeights = new double[factors][];
        for (var f = 0; f < factors; f++)
        {
            _prior[f] = new double[model.NumStates[f]];
            _posterior[f] = new double[model.NumStates[f]];
            _marginals[f] = new double[model.NumControls[f]];
            _actionWeights[f] = new double[model.NumControls[f]];
        }

        _g = new double[model.PolicyCount];
        _qPi = new double[model.PolicyCount];
        _utility = new double[model.PolicyCount];
        _gain = new double[model.PolicyCount];
        _action = new int[factors];
        Reset();
    }

    /// <summary>The generative model.</summary>
    public GenerativeModel Model => _model;

    /// <summary>γ, α and the stop rule.</summary>
    public AgentSettings Settings { get; }

    /// <summary>The state-inference engine (its marginals are the agent's posterior after <see cref="InferStates(ReadOnlySpan{int})"/>).</summary>
    public FixedPointIteration StateEngine => _states;

    /// <summary>q(s_f), the posterior of factor f after the last state inference.</summary>
    public ReadOnlySpan<double> Posterior(int factor) => _posterior[factor];

    /// <summary>The prior of factor f used by the last (or next, before any action) state inference.</summary>
    public ReadOnlySpan<double> Prior(int factor) => _prior[factor];

    /// <summary>G per policy (negative expected free energy, nats; higher is better) after <see cref="InferPolicies"/>.</summary>
    public ReadOnlySpan<double> NegativeExpectedFreeEnergy => _g;

    /// <summary>q_pi, the posterior over policies, after <see cref="InferPolicies"/>.</summary>
    public ReadOnlySpan<double> PolicyPosterior => _qPi;

    /// <summary>The expected-utility part of G per policy.</summary>
    public ReadOnlySpan<double> ExpectedUtility => _utility;

    /// <summary>The state-information-gain part of G per policy (joint outcomes).</summary>
    public ReadOnlySpan<double> InformationGain => _gain;

    /// <summary>Normalised probability of each action of factor f at the first step, after an action was chosen.</summary>
    public ReadOnlySpan<double> ActionMarginals(int factor) => _marginals[factor];

    /// <summary>The last chosen action, one per factor (empty before any).</summary>
    public ReadOnlySpan<int> LastAction => _hasAction ? _action : ReadOnlySpan<int>.Empty;

    /// <summary>Back to t = 0: prior D, uniform posterior, no action.</summary>
    public void Reset()
    {
        for (var f = 0; f < _prior.Length; f++)
        {
            _model.InitialStatePrior(f).CopyTo(_prior[f]);
            Array.Fill(_posterior[f], 1.0 / _posterior[f].Length);
        }

        _hasAction = false;
    }

    /// <summary>Infers the hidden states with <see cref="AgentSettings.StateInference"/>. No allocation.</summary>
    /// <param name="observation">One outcome index per modality.</param>
    public StateInference InferStates(ReadOnlySpan<int> observation) => InferStates(observation, Settings.StateInference);

    /// <summary>
    /// Infers the hidden states from <paramref name="observation"/>: the prior is D before any action,
    /// else B_f[:, :, u_f]·q_f from the current posterior and the last action (as pymdp). No allocation.
    /// </summary>
    public StateInference InferStates(ReadOnlySpan<int> observation, FixedPointSettings settings)
    {
        _model.CheckObservation(observation);
        ArgumentNullException.ThrowIfNull(settings);
        if (_hasAction)
        {
            for (var f = 0; f < _prior.Length; f++)
            {
                var b = _model.Transition(f, _action[f]);
                var n = _prior[f].Length;
                for (var i = 0; i < n; i++)
                {
                    _prior[f][i] = TensorPrimitives.Dot(b.Slice(i * n, n), _posterior[f]);
                }
            }
        }

        _states.SetObservation(observation);
        for (var f = 0; f < _prior.Length; f++)
        {
            _states.SetPrior(f, _prior[f]);
        }

        var result = _states.Run(settings);
        for (var f = 0; f < _posterior.Length; f++)
        {
            _states.Posterior(f).CopyTo(_posterior[f]);
        }

        return result;
    }

    /// <summary>Evaluates every policy from the current posterior and returns q_pi = softmax(γ G + ln* E) (a view). No allocation.</summary>
    public ReadOnlySpan<double> InferPolicies()
    {
        for (var p = 0; p < _g.Length; p++)
        {
            _g[p] = _efe.Evaluate(p, _posterior, out _utility[p], out _gain[p]);
        }

        TensorPrimitives.MultiplyAdd(_g, Settings.Gamma, _model.LogPolicyPrior, _qPi);
        Probability.SoftmaxInPlace(_qPi);
        return _qPi;
    }

    /// <summary>G of one policy from the current posterior (the unit of <see cref="InferPolicies"/>). No allocation.</summary>
    public double EvaluatePolicy(int policy) => _efe.Evaluate(policy, _posterior, out _, out _);

    /// <summary>
    /// Chooses the action with the largest marginal probability per factor (first index wins ties,
    /// like numpy.argmax), remembers it for the next prior, and returns it (a view). No allocation.
    /// </summary>
    public ReadOnlySpan<int> SampleAction()
    {
        ComputeMarginals();
        for (var f = 0; f < _action.Length; f++)
        {
            _action[f] = Probability.ArgMax(_marginals[f]);
        }

        _hasAction = true;
        return _action;
    }

    /// <summary>
    /// Samples an action per factor from softmax(α ln* marginal) with <paramref name="random"/>
    /// (seed it for reproducible runs), remembers it, and returns it (a view). No allocation.
    /// </summary>
    public ReadOnlySpan<int> SampleAction(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ComputeMarginals();
        for (var f = 0; f < _action.Length; f++)
        {
            Span<double> buffer = _actionWeights[f];
            Probability.LogStar(_marginals[f], buffer);
            TensorPrimitives.Multiply(buffer, Settings.Alpha, buffer);
            Probability.SoftmaxInPlace(buffer);
            _action[f] = Probability.Sample(buffer, random);
        }

        _hasAction = true;
        return _action;
    }

    private void ComputeMarginals()
    {
        for (var f = 0; f < _marginals.Length; f++)
        {
            Array.Clear(_marginals[f]);
        }

        for (var p = 0; p < _qPi.Length; p++)
        {
            for (var f = 0; f < _marginals.Length; f++)
            {
                _marginals[f][_model.Action(p, 0, f)] += _qPi[p];
            }
        }

        for (var f = 0; f < _marginals.Length; f++)
        {
            var sum = TensorPrimitives.Sum(_marginals[f]);
            TensorPrimitives.Divide(_marginals[f], sum, _marginals[f]);
        }
    }
}
