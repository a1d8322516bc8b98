using System.Globalization;
using System.Numerics.Tensors;

namespace ActiveInference.Core.Discrete;

/// <summary>
/// A discrete (POMDP) generative model in pymdp 0.0.7.1's layout: likelihoods A (one per
/// modality), transitions B (one per hidden-state factor), preferences C, initial-state prior D,
/// policy prior E and the policies. Immutable after construction; checked on construction.
/// </summary>
/// <remarks>
/// <para>Arrays are flat and row-major, 0-based, exactly like the numpy arrays of pymdp:</para>
/// <list type="bullet">
/// <item><c>A[m]</c>: shape (numObservations[m], numStates[0], ..., numStates[F−1]);
/// <c>A[m][o, s0, ..., sF−1] = P(o_m = o | s)</c>; sums to 1 over o.</item>
/// <item><c>B[f]</c>: shape (numStates[f], numStates[f], numControls[f]);
/// <c>B[f][s', s, u] = P(s'_f | s_f, u)</c>; sums to 1 over s'.</item>
/// <item><c>C[m]</c>: length numObservations[m], unnormalised log-preferences (pymdp uses ln*(softmax C)).</item>
/// <item><c>D[f]</c>: length numStates[f], a distribution. <c>E</c>: length #policies, a distribution (uniform when omitted).</item>
/// <item>policy p: an int[T, F] with <c>policy[t, f]</c> = action of factor f at future step t (T ≥ 1).</item>
/// </list>
/// <para>A joint hidden state s = (s0, ..., sF−1) has flat index Σ_f s_f·stride_f, last factor fastest.</para>
/// </remarks>
public sealed class GenerativeModel
{
    private readonly int[] _numStates;
    private readonly int[] _numObservations;
    private readonly int[] _numControls;
    private readonly double[][] _a;
    private readonly double[][][] _transitions;  // [f][u] -> S_f×S_f row-major (next, prev)
    private readonly double[][] _c;
    private readonly double[][] _d;
    private readonly double[] _e;
    private readonly int[][,] _policies;
    private readonly double[] _stateUtility;
    private readonly double[] _logE;
    private readonly Lazy<JointOutcomes> _joint;

    /// <summary>Creates and checks a model.</summary>
    /// <param name="numStates">States per hidden-state factor (F entries, each ≥ 1).</param>
    /// <param name="numObservations">Outcomes per modality (M entries, each ≥ 1).</param>
    /// <param name="numControls">Actions per factor (F entries, each ≥ 1).</param>
    /// <param name="a">A, M flat arrays (see remarks).</param>
    /// <param name="b">B, F flat arrays (see remarks).</param>
    /// <param name="c">C, M vectors of log-preferences.</param>
    /// <param name="d">D, F distributions.</param>
    /// <param name="e">E, a distribution over policies, or null for uniform.</param>
    /// <param name="policies">The policies, each int[T, F], all with the same T ≥ 1.</param>
    /// <exception cref="ArgumentException">Dimension mismatch, negative or non-finite probability, a column or prior
    /// not summing to 1, or an action out of range.</exception>
    public GenerativeModel(
        IReadOnlyList<int> numStates,
        IReadOnlyList<int> numObservations,
        IReadOnlyList<int> numControls,
        IReadOnlyList<double[]> a,
        IReadOnlyList<double[]> b,
        IReadOnlyList<double[]> c,
        IReadOnlyList<double[]> d,
        double[]? e,
        IReadOnlyList<int[,]> policies)
    {
        ArgumentNullException.ThrowIfNull(numStates);
        ArgumentNullException.ThrowIfNull(numObservations);
        ArgumentNullException.ThrowIfNull(numControls);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(policies);

        _numStates = CheckSizes(numStates, nameof(numStates));
        _numObservations = CheckSizes(numObservations, nameof(numObservations));
        _numControls = CheckSizes(numControls, nameof(numControls));
        var factors = _numStates.Length;
        var modalities = _numObservations.Length;
        Guard.Length(_numControls.Length, factors, nameof(numControls), "one entry per hidden-state factor");
        long joint = 1;
        foreach (var n in _numStates)
        {
            joint *= n;
        }

        if (joint > int.MaxValue / 4)
        {
            throw new ArgumentException($"The joint state space ({joint} states) is too large.", nameof(numStates));
        }

        StateCount = (int)joint;

        Guard.Length(a.Count, modalities, nameof(a), "one likelihood array per modality");
        _a = new double[modalities][];
        for (var m = 0; m < modalities; m++)
        {
            var name = Indexed(nameof(a), m);
            ArgumentNullException.ThrowIfNull(a[m], name);
            Guard.Length(a[m].Length, _numObservations[m] * StateCount, name, "numObservations[m] × product of numStates");
            Guard.Probabilities(a[m], name);
            CheckColumns(a[m], _numObservations[m], StateCount, name, "likelihood column A[m][:, s]");
            _a[m] = (double[])a[m].Clone();
        }

        Guard.Length(b.Count, factors, nameof(b), "one transition array per factor");
        _transitions = new double[factors][][];
        for (var f = 0; f < factors; f++)
        {
            var name = Indexed(nameof(b), f);
            ArgumentNullException.ThrowIfNull(b[f], name);
            var n = _numStates[f];
            var u = _numControls[f];
            Guard.Length(b[f].Length, n * n * u, name, "numStates[f] × numStates[f] × numControls[f]");
            Guard.Probabilities(b[f], name);
            CheckColumns(b[f], n, n * u, name, "transition column B[f][:, s, u]");
            _transitions[f] = new double[u][];
            for (var k = 0; k < u; k++)
            {
                var matrix = new double[n * n];
                for (var next = 0; next < n; next++)
                {
                    for (var prev = 0; prev < n; prev++)
                    {
                        matrix[(next * n) + prev] = b[f][(((next * n) + prev) * u) + k];
                    }
                }

                _transitions[f][k] = matrix;
            }
        }

        Guard.Length(c.Count, modalities, nameof(c), "one preference vector per modality");
        _c = new double[modalities][];
        for (var m = 0; m < modalities; m++)
        {
            var name = Indexed(nameof(c), m);
            ArgumentNullException.ThrowIfNull(c[m], name);
            Guard.Length(c[m].Length, _numObservations[m], name, "one log-preference per outcome");
            Guard.Finite(c[m], name);
            _c[m] = (double[])c[m].Clone();
        }

        Guard.Length(d.Count, factors, nameof(d), "one initial-state prior per factor");
        _d = new double[factors][];
        for (var f = 0; f < factors; f++)
        {
            var name = Indexed(nameof(d), f);
            ArgumentNullException.ThrowIfNull(d[f], name);
            Guard.Length(d[f].Length, _numStates[f], name, "one probability per state of the factor");
            Guard.Distribution(d[f], name);
            _d[f] = (double[])d[f].Clone();
        }

        if (policies.Count == 0)
        {
            throw new ArgumentException("There must be at least one policy.", nameof(policies));
        }

        _policies = new int[policies.Count][,];
        PolicyLength = -1;
        for (var p = 0; p < policies.Count; p++)
        {
            var name = Indexed(nameof(policies), p);
            var policy = policies[p] ?? throw new ArgumentNullException(name);
            if (PolicyLength < 0)
            {
                PolicyLength = policy.GetLength(0);
                Guard.Positive(PolicyLength, "policy length");
            }

            Guard.Length(policy.GetLength(0), PolicyLength, name, "every policy has the same number of steps (rows)");
            Guard.Length(policy.GetLength(1), factors, name, "one action per factor (columns)");
            for (var t = 0; t < PolicyLength; t++)
            {
                for (var f = 0; f < factors; f++)
                {
                    if (policy[t, f] < 0 || policy[t, f] >= _numControls[f])
                    {
                        throw new ArgumentException(
                            string.Create(CultureInfo.InvariantCulture,
                                $"{name}[{t},{f}] = {policy[t, f]} is not an action of factor {f} (0..{_numControls[f] - 1})."),
                            nameof(policies));
                    }
                }
            }

            _policies[p] = (int[,])policy.Clone();
        }

        if (e is null)
        {
            _e = new double[_policies.Length];
            Array.Fill(_e, 1.0 / _policies.Length);
        }
        else
        {
            Guard.Length(e.Length, _policies.Length, nameof(e), "one prior probability per policy");
            Guard.Distribution(e, nameof(e));
            _e = (double[])e.Clone();
        }

        _logE = new double[_e.Length];
        Probability.LogStar(_e, _logE);

        // Expected utility of a joint state: Σ_m Σ_o A[m][o, s] ln*(softmax C[m])[o].
        _stateUtility = new double[StateCount];
        for (var m = 0; m < modalities; m++)
        {
            var lnC = (double[])_c[m].Clone();
            Probability.SoftmaxInPlace(lnC);
            Probability.LogStar(lnC, lnC);
            for (var o = 0; o < lnC.Length; o++)
            {
                TensorPrimitives.MultiplyAdd(_a[m].AsSpan(o * StateCount, StateCount), lnC[o], _stateUtility, _stateUtility);
            }
        }

        _joint = new Lazy<JointOutcomes>(() => new JointOutcomes(_a, _numObservations, StateCount));
    }

    /// <summary>F, the number of hidden-state factors.</summary>
    public int FactorCount => _numStates.Length;

    /// <summary>M, the number of observation modalities.</summary>
    public int ModalityCount => _numObservations.Length;

    /// <summary>Π_f numStates[f], the size of the joint hidden state.</summary>
    public int StateCount { get; }

    /// <summary>T, the number of future steps in every policy.</summary>
    public int PolicyLength { get; }

    /// <summary>The number of policies.</summary>
    public int PolicyCount => _policies.Length;

    /// <summary>States per factor.</summary>
    public IReadOnlyList<int> NumStates => _numStates;

    /// <summary>Outcomes per modality.</summary>
    public IReadOnlyList<int> NumObservations => _numObservations;

    /// <summary>Actions per factor.</summary>
    public IReadOnlyList<int> NumControls => _numControls;

    /// <summary>Action of factor <paramref name="factor"/> at future step <paramref name="step"/> of policy <paramref name="policy"/>.</summary>
    public int Action(int policy, int step, int factor) => _policies[policy][step, factor];

    /// <summary>A[m], flat row-major (numObservations[m], numStates...), as a read-only view.</summary>
    public ReadOnlySpan<double> Likelihood(int modality) => _a[modality];

    /// <summary>B[f][:, :, u] as a numStates[f]×numStates[f] row-major (next, previous) matrix view.</summary>
    public ReadOnlySpan<double> Transition(int factor, int action) => _transitions[factor][action];

    /// <summary>C[m], the log-preferences as given.</summary>
    public ReadOnlySpan<double> Preferences(int modality) => _c[modality];

    /// <summary>D[f], the initial-state prior of factor f.</summary>
    public ReadOnlySpan<double> InitialStatePrior(int factor) => _d[factor];

    /// <summary>E, the prior over policies.</summary>
    public ReadOnlySpan<double> PolicyPrior => _e;

    /// <summary>ln*(E) = ln(E + 1e-16).</summary>
    internal ReadOnlySpan<double> LogPolicyPrior => _logE;

    /// <summary>Per joint state s: Σ_m A[m][:, s] · ln*(softmax C[m]).</summary>
    internal ReadOnlySpan<double> StateUtility => _stateUtility;

    /// <summary>The joint-outcome likelihood (built on first use).</summary>
    internal JointOutcomes Joint => _joint.Value;

    /// <summary>
    /// Writes ln*(Π_m A[m][o_m, s]) for every joint state s into <paramref name="logLikelihood"/> (length <see
    /// cref="StateCount"/>).
    /// </summary>
    /// <param name="observation">One outcome index per modality.</param>
    /// <param name="logLikelihood">Output, length <see cref="StateCount"/>.</param>
    public void LogLikelihood(ReadOnlySpan<int> observation, Span<double> logLikelihood)
    {
        CheckObservation(observation);
        Guard.Length(logLikelihood.Length, StateCount, nameof(logLikelihood), "one entry per joint state");
        var s = StateCount;
        _a[0].AsSpan(observation[0] * s, s).CopyTo(logLikelihood);
        for (var m = 1; m < _a.Length; m++)
        {
            TensorPrimitives.Multiply(logLikelihood, _a[m].AsSpan(observation[m] * s, s), logLikelihood);
        }

        Probability.LogStar(logLikelihood, logLikelihood);
    }

    /// <summary>Throws unless <paramref name="observation"/> has one valid outcome index per modality.</summary>
    public void CheckObservation(ReadOnlySpan<int> observation)
    {
        Guard.Length(observation.Length, ModalityCount, nameof(observation), "one outcome index per modality");
        for (var m = 0; m < observation.Length; m++)
        {
            if ((uint)observation[m] >= (uint)_numObservations[m])
            {
                throw new ArgumentOutOfRangeException(
                    nameof(observation), observation[m],
                    string.Create(CultureInfo.InvariantCulture, $"observation[{m}] must be an outcome index 0..{_numObservations[m] - 1}."));
            }
        }
    }

    /// <summary>
    /// All policies of length <paramref name="policyLength"/> over <paramref name="numControls"/>, in
    /// pymdp's <c>construct_policies</c> order (itertools.product over f0@t0, f1@t0, ..., f0@t1, ...; last fastest).
    /// </summary>
    public static IReadOnlyList<int[,]> AllPolicies(IReadOnlyList<int> numControls, int policyLength)
    {
        ArgumentNullException.ThrowIfNull(numControls);
        Guard.Positive(policyLength, nameof(policyLength));
        var factors = numControls.Count;
        var slots = factors * policyLength;
        long count = 1;
        for (var i = 0; i < slots; i++)
        {
            Guard.Positive(numControls[i % factors], nameof(numControls));
            count *= numControls[i % factors];
        }

        if (count > 1_000_000)
        {
            throw new ArgumentException($"{count} policies is too many to enumerate.", nameof(policyLength));
        }

        var result = new List<int[,]>((int)count);
        var digits = new int[slots];
        for (long p = 0; p < count; p++)
        {
            var policy = new int[policyLength, factors];
            for (var i = 0; i < slots; i++)
            {
                policy[i / factors, i % factors] = digits[i];
            }

            result.Add(policy);
            for (var i = slots - 1; i >= 0; i--)
            {
                if (++digits[i] < numControls[i % factors])
                {
                    break;
                }

                digits[i] = 0;
            }
        }

        return result;
    }

    private static int[] CheckSizes(IReadOnlyList<int> sizes, string name)
    {
        if (sizes.Count == 0)
        {
            throw new ArgumentException(name + " must have at least one entry.", name);
        }

        var result = new int[sizes.Count];
        for (var i = 0; i < sizes.Count; i++)
        {
            if (sizes[i] <= 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{name}[{i}] = {sizes[i]}; sizes must be positive."), name);
            }

            result[i] = sizes[i];
        }

        return result;
    }

    /// <summary>Checks that a (rows, columns) row-major array sums to 1 down every column.</summary>
    private static void CheckColumns(double[] values, int rows, int columns, string name, string what)
    {
        for (var col = 0; col < columns; col++)
        {
            double sum = 0;
            for (var r = 0; r < rows; r++)
            {
                sum += values[(r * columns) + col];
            }

            if (Math.Abs(sum - 1.0) > Guard.SumTolerance)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture,
                        $"{name}: {what} at flat column {col} sums to {sum:R}, not 1."),
                    name);
            }
        }
    }

    private static string Indexed(string name, int i) => string.Create(CultureInfo.InvariantCulture, $"{name}[{i}]");
}
