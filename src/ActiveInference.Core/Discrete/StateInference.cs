namespace ActiveInference.Core.Discrete;

/// <summary>Summary of one state inference (the posteriors themselves stay in the engine that computed them).</summary>
/// <param name="FreeEnergy">Variational free energy F of the returned posterior, in nats (pymdp <c>calc_free_energy</c>).</param>
/// <param name="Iterations">Jacobi sweeps run (0 for the single-factor closed form).</param>
/// <param name="ClosedForm">True when there is one factor and the posterior is exact in one step.</param>
/// <param name="LastChange">|F_prev − F| after the last sweep (NaN for the closed form).</param>
public readonly record struct StateInference(double FreeEnergy, int Iterations, bool ClosedForm, double LastChange);
