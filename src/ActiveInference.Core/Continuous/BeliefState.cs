using System.Numerics.Tensors;

namespace ActiveInference.Core.Continuous;

/// <summary>
/// A belief μ about the hidden state of a <see cref="LinearGaussianModel"/>, updated on each
/// observation by predictive coding: a fixed number of gradient-descent steps
/// μ ← μ − κ ∂F/∂μ (κ the step size). Mutable; not thread-safe; allocates nothing per update.
/// </summary>
public sealed class BeliefState
{
    private readonly LinearGaussianModel _model;
    private readonly FreeEnergyWorkspace _workspace;
    private readonly double[] _mean;
    private readonly double[] _gradient;

    /// <summary>Starts at the prior mean η.</summary>
    /// <param name="model">The generative model.</param>
    /// <param name="stepSize">κ &gt; 0 (units of μ per unit of gradient); null = <see
    /// cref="LinearGaussianModel.SafeStepSize"/>, always stable.</param>
    /// <param name="steps">Gradient steps per <see cref="Update"/>, ≥ 1.</param>
    public BeliefState(LinearGaussianModel model, double? stepSize = null, int steps = 10)
    {
        ArgumentNullException.ThrowIfNull(model);
        var kappa = stepSize ?? model.SafeStepSize;
        Guard.Positive(kappa, nameof(stepSize));
        Guard.Positive(steps, nameof(steps));
        _model = model;
        StepSize = kappa;
        Steps = steps;
        _workspace = model.CreateWorkspace();
        _mean = model.PriorMeanValues.ToArray();
        _gradient = new double[model.StateCount];
        FreeEnergy = double.NaN;
    }

    /// <summary>κ, the gradient-descent step size.</summary>
    public double StepSize { get; }

    /// <summary>Gradient steps per update.</summary>
    public int Steps { get; }

    /// <summary>The current belief mean μ (length n). A view: it changes on the next update.</summary>
    public ReadOnlySpan<double> Mean => _mean;

    /// <summary>F(μ; o) in nats after the last update (NaN before the first).</summary>
    public double FreeEnergy { get; private set; }

    /// <summary>Takes <see cref="Steps"/> gradient steps on F(·; o) from the current μ and returns F after them. Allocates nothing.</summary>
    /// <param name="o">Observation, length m, finite.</param>
    public double Update(ReadOnlySpan<double> o)
    {
        Span<double> g = _gradient;
        Span<double> mu = _mean;
        for (var k = 0; k < Steps; k++)
        {
            _model.FreeEnergyAndGradient(mu, o, g, _workspace);
            TensorPrimitives.MultiplyAdd(g, -StepSize, mu, mu);
        }

        FreeEnergy = _model.FreeEnergy(mu, o, _workspace);
        return FreeEnergy;
    }

    /// <summary>Sets μ back to the prior mean η and forgets the free energy.</summary>
    public void Reset()
    {
        _model.PriorMeanValues.CopyTo(_mean);
        FreeEnergy = double.NaN;
    }
}
