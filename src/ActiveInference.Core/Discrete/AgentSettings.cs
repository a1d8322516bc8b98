namespace ActiveInference.Core.Discrete;

/// <summary>Agent parameters with pymdp 0.0.7.1's defaults.</summary>
/// <param name="Gamma">γ, policy precision in q_pi = softmax(γ G + ln* E) (default 16).</param>
/// <param name="Alpha">α, action precision for sampled actions: p(u) = softmax(α ln* marginal(u)) (default 16).</param>
/// <param name="Inference">Stop rule of state inference (default pymdp's 10 sweeps, dF_tol 1e-3).</param>
public sealed record AgentSettings(double Gamma = 16.0, double Alpha = 16.0, FixedPointSettings? Inference = null)
{
    /// <summary>pymdp 0.0.7.1's defaults.</summary>
    public static AgentSettings Default { get; } = new();

    /// <summary>The stop rule in use (the default when <see cref="Inference"/> is null).</summary>
    public FixedPointSettings StateInference => Inference ?? FixedPointSettings.Default;
}
