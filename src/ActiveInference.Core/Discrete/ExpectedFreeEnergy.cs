using System.Numerics.Tensors;

namespace ActiveInference.Core.Discrete;

/// <summary>
/// Negative expected free energy of a policy, as pymdp 0.0.7.1's <c>update_posterior_policies</c>
/// (higher is better): G = Σ_{t=1..T} [ Σ_m qo_{t,m} · ln*(softmax C_m) + I_t ], where the
/// predicted states are qs_{t,f} = B_f[:, :, u_{t,f}] qs_{t−1,f} and I_t is the mutual information
/// between the hidden state and the JOINT outcome of all modalities (<c>spm_MDP_G</c>: only joint
/// states with q(s) &gt; e⁻¹⁶ count, and e⁻¹⁶ is added inside ln p(o|s)).
/// </summary>
/// <remarks>
/// The utility uses Σ_m qo_m·lnC_m = q·u with u(s) = Σ_m A_m[:, s]·lnC_m precomputed per model;
/// the first part of I uses the per-state Σ_o p(o|s) ln(p(o|s) + e⁻¹⁶), also precomputed. Holds
/// its buffers: <see cref="Evaluate"/> allocates nothing. Not thread-safe.
/// </remarks>
public sealed class ExpectedFreeEnergy
{
    private readonly GenerativeModel _model;
    private readonly JointOutcomes _joint;
    private readonly double[][] _current;
    private readonly double[][] _predicted;
    private readonly double[] _jointState;
    private readonly double[] _outcomes;
    private readonly double[] _logOutcomes;

    /// <summary>Prepares buffers (and the model's joint-outcome likelihood) for <paramref name="model"/>.</summary>
    public ExpectedFreeEnergy(GenerativeModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _joint = model.Joint;
        var factors = model.FactorCount;
        _current = new double[factors][];
        _predicted = new double[factors][];
        for (var f = 0; f < factors; f++)
        {
            _current[f] = new double[model.NumStates[f]];
            _predicted[f] = new double[model.NumStates[f]];
        }

        _jointState = new double[model.StateCount];
        _outcomes = new double[_joint.OutcomeCount];
        _logOutcomes = new double[_joint.OutcomeCount];
    }

    /// <summary>
    /// G of policy <paramref name="policy"/> from current marginals <paramref name="posterior"/>
    /// (one array per factor, each a distribution); also returns its two parts, summed over the
    /// policy's steps. Nats. No allocation.
    /// </summary>
    /// <param name="policy">Policy index, 0..PolicyCount−1.</param>
    /// <param name="posterior">q(s_f) per factor.</param>
    /// <param name="utility">Σ_t Σ_m qo_{t,m} · ln*(softmax C_m).</param>
    /// <param name="informationGain">Σ_t I_t (joint outcomes).</param>
    public double Evaluate(int policy, ReadOnlySpan<double[]> posterior, out double utility, out double informationGain)
    {
        if ((uint)policy >= (uint)_model.PolicyCount)
        {
            throw new ArgumentOutOfRangeException(nameof(policy), policy, "Not a policy index.");
        }

        Guard.Length(posterior.Length, _model.FactorCount, nameof(posterior), "one marginal per factor");
        for (var f = 0; f < posterior.Length; f++)
        {
            Guard.Length(posterior[f].Length, _current[f].Length, nameof(posterior), "numStates[f] entries in marginal f");
            posterior[f].CopyTo(_current[f], 0);
        }

        utility = 0;
        informationGain = 0;
        Span<double> joint = _jointState;
        for (var t = 0; t < _model.PolicyLength; t++)
        {
            for (var f = 0; f < _current.Length; f++)
            {
                Predict(_model.Transition(f, _model.Action(policy, t, f)), _current[f], _predicted[f]);
                (_current[f], _predicted[f]) = (_predicted[f], _current[f]);
            }

            Joint.Outer(_current, 0, _current.Length, joint);
            utility += TensorPrimitives.Dot(joint, _model.StateUtility);
            informationGain += InformationGain(joint);
        }

        return utility + informationGain;
    }

    /// <summary>I(O; S) for joint-state distribution q, pymdp's <c>spm_MDP_G</c>.</summary>
    private double InformationGain(ReadOnlySpan<double> q)
    {
        var outcomes = _joint.OutcomeCount;
        Span<double> qo = _outcomes;
        qo.Clear();
        ReadOnlySpan<double> likelihood = _joint.Likelihood;
        double expectedNegEntropy = 0;
        var threshold = JointOutcomes.Threshold;
        for (var s = 0; s < q.Length; s++)
        {
            var w = q[s];
            if (w > threshold)
            {
                expectedNegEntropy += w * _joint.NegativeEntropy[s];
                TensorPrimitives.MultiplyAdd(likelihood.Slice(s * outcomes, outcomes), w, qo, qo);
            }
        }

        Probability.LogStar(qo, _logOutcomes);
        return expectedNegEntropy - TensorPrimitives.Dot(qo, _logOutcomes);
    }

    /// <summary>next = B q with B row-major (next, previous).</summary>
    private static void Predict(ReadOnlySpan<double> b, ReadOnlySpan<double> q, Span<double> next)
    {
        var n = q.Length;
        for (var i = 0; i < n; i++)
        {
            next[i] = TensorPrimitives.Dot(b.Slice(i * n, n), q);
        }
    }
}
