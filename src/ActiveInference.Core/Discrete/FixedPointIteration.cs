using System.Numerics.Tensors;

namespace ActiveInference.Core.Discrete;

/// <summary>
/// State inference by fixed-point iteration, as pymdp 0.0.7.1's <c>run_vanilla_fpi</c>: one factor
/// is solved in closed form, q = softmax(ln L + ln* prior); several factors start from uniform
/// marginals and take JACOBI sweeps (every factor from the previous sweep's marginals of the
/// others), q_f ← softmax(E_{q_−f}[ln L] + ln* prior_f), stopping when |F_prev − F| &lt; tolerance
/// or after the sweep cap (F_prev of the first sweep = F of the uniform q without the accuracy term).
/// </summary>
/// <remarks>
/// Holds its buffers (log-likelihood, log-priors, marginals, scratch): after construction, setting
/// an observation, setting priors, <see cref="Sweep"/> and <see cref="Run"/> allocate nothing. Not thread-safe.
/// E_{q_−f} is computed with the product of the other marginals (not pymdp's divide-by-q_f trick,
/// which fails when a marginal underflows to 0); the two agree to rounding.
/// </remarks>
public sealed class FixedPointIteration
{
    private readonly GenerativeModel _model;
    private readonly int[] _numStates;
    private readonly double[] _logLikelihood;
    private readonly double[][] _logPrior;
    private double[][] _q;
    private double[][] _next;
    private readonly double[] _before;
    private readonly double[] _after;
    private readonly double[] _scratch;

    /// <summary>Allocates the buffers for <paramref name="model"/>; priors start at D, the marginals uniform.</summary>
    public FixedPointIteration(GenerativeModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _numStates = model.NumStates.ToArray();
        var factors = _numStates.Length;
        _logLikelihood = new double[model.StateCount];
        _logPrior = new double[factors][];
        _q = new double[factors][];
        _next = new double[factors][];
        var largest = 0;
        for (var f = 0; f < factors; f++)
        {
            _logPrior[f] = new double[_numStates[f]];
            _q[f] = new double[_numStates[f]];
            _next[f] = new double[_numStates[f]];
            largest = Math.Max(largest, _numStates[f]);
            SetPrior(f, model.InitialStatePrior(f));
        }

        _before = new double[model.StateCount];
        _after = new double[model.StateCount];
        _scratch = new double[Math.Max(largest, model.StateCount)];
        ResetToUniform();
    }

    /// <summary>The model inferred on.</summary>
    public GenerativeModel Model => _model;

    /// <summary>ln*(Π_m A[m][o_m, s]) for the current observation, one entry per joint state.</summary>
    public ReadOnlySpan<double> LogLikelihood => _logLikelihood;

    /// <summary>The current marginal posterior q(s_f) of factor <paramref name="factor"/> (a view).</summary>
    public ReadOnlySpan<double> Posterior(int factor) => _q[factor];

    /// <summary>ln*(prior_f), the log prior of factor <paramref name="factor"/> in use (a view).</summary>
    public ReadOnlySpan<double> LogPrior(int factor) => _logPrior[factor];

    /// <summary>Sets the observation: one outcome index per modality. Computes ln L; no allocation.</summary>
    public void SetObservation(ReadOnlySpan<int> observation) => _model.LogLikelihood(observation, _logLikelihood);

    /// <summary>Sets the (empirical) prior of one factor, a distribution over its states; stores ln*(prior).</summary>
    public void SetPrior(int factor, ReadOnlySpan<double> prior)
    {
        if ((uint)factor >= (uint)_numStates.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "Not a factor index.");
        }

        Guard.Length(prior.Length, _numStates[factor], nameof(prior), "one probability per state of the factor");
        Probability.LogStar(prior, _logPrior[factor]);
    }

    /// <summary>Sets every marginal to uniform (pymdp's starting point).</summary>
    public void ResetToUniform()
    {
        for (var f = 0; f < _q.Length; f++)
        {
            Array.Fill(_q[f], 1.0 / _q[f].Length);
        }
    }

    /// <summary>
    /// Infers the marginals for the current observation and priors, from uniform, with the given
    /// stop rule; returns F and the iteration count. No allocation.
    /// </summary>
    public StateInference Run(FixedPointSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ResetToUniform();
        if (_q.Length == 1)
        {
            Span<double> q = _q[0];
            TensorPrimitives.Add(_logLikelihood, _logPrior[0], q);
            Probability.SoftmaxInPlace(q);
            return new StateInference(FreeEnergy(), 0, true, double.NaN);
        }

        var previous = FreeEnergy(includeAccuracy: false);
        var change = 1.0; // pymdp's initial dF
        var f = previous;
        var iterations = 0;
        while (iterations < settings.MaxIterations && change >= settings.FreeEnergyTolerance)
        {
            Sweep();
            f = FreeEnergy();
            change = Math.Abs(previous - f);
            previous = f;
            iterations++;
        }

        return new StateInference(f, iterations, false, change);
    }

    /// <summary>
    /// One Jacobi sweep: every factor's marginal is recomputed from the current marginals of the others, then all are
    /// replaced at once. No allocation.
    /// </summary>
    public void Sweep()
    {
        var factors = _q.Length;
        ReadOnlySpan<double> logL = _logLikelihood;
        for (var f = 0; f < factors; f++)
        {
            var outer = Outer(0, f, _before);
            var inner = Outer(f + 1, factors, _after);
            var size = _numStates[f];
            Span<double> ql = _next[f];
            ql.Clear();
            ReadOnlySpan<double> after = _after.AsSpan(0, inner);
            for (var a = 0; a < outer; a++)
            {
                var w = _before[a];
                var offset = a * size * inner;
                if (inner == 1)
                {
                    // Last factor: the slice over s_f is contiguous, one SIMD multiply-add.
                    TensorPrimitives.MultiplyAdd(logL.Slice(offset, size), w, ql, ql);
                    continue;
                }

                for (var i = 0; i < size; i++)
                {
                    ql[i] += w * TensorPrimitives.Dot(logL.Slice(offset + (i * inner), inner), after);
                }
            }

            TensorPrimitives.Add(ql, _logPrior[f], ql);
            Probability.SoftmaxInPlace(ql);
        }

        (_q, _next) = (_next, _q);
    }

    /// <summary>
    /// pymdp's <c>calc_free_energy</c> of the current marginals: Σ_f [q_f·ln*(q_f) − q_f·ln*(prior_f)] − E_q[ln L], in
    /// nats. No allocation.
    /// </summary>
    public double FreeEnergy() => FreeEnergy(includeAccuracy: true);

    private double FreeEnergy(bool includeAccuracy)
    {
        double f = 0;
        for (var k = 0; k < _q.Length; k++)
        {
            ReadOnlySpan<double> q = _q[k];
            var lnq = _scratch.AsSpan(0, q.Length);
            Probability.LogStar(q, lnq);
            f += TensorPrimitives.Dot(q, lnq) - TensorPrimitives.Dot(q, _logPrior[k]);
        }

        if (includeAccuracy)
        {
            var n = Outer(0, _q.Length, _scratch);
            f -= TensorPrimitives.Dot(_logLikelihood, _scratch.AsSpan(0, n));
        }

        return f;
    }

    /// <summary>
    /// Writes the outer product q_from ⊗ ... ⊗ q_(to−1) (last fastest) into <paramref name="destination"/>; returns its
    /// length (1 for an empty range).
    /// </summary>
    private int Outer(int from, int to, Span<double> destination) => Joint.Outer(_q, from, to, destination);
}
