namespace ActiveInference.Benchmarking.Gate;

/// <summary>The numbers behind <see cref="PairedGate"/>; defaults chosen by experiments/PairedGateExperiment (README).</summary>
internal sealed record PairedPolicy
{
    /// <summary>Relative slow-down that counts as a regression (0.10 = 10%).</summary>
    public double Threshold { get; init; } = 0.10;

    /// <summary>
    /// Copies of each side loaded in every process: placement (where code and data land) differs per copy, and the
    /// median over copies evens it out.
    /// </summary>
    public int CopiesPerSide { get; init; } = 4;

    /// <summary>Processes measured before any decision: placement is also a per-process effect.</summary>
    public int MinProcesses { get; init; } = 2;

    /// <summary>
    /// Processes a Regressed or Improved verdict rests on at least: two processes that agree by chance on a shift (a slow
    /// copy on one side in both, a loaded machine) are confirmed by a third, which is started even past the time budget.
    /// </summary>
    public int ConfirmingProcesses { get; init; } = 3;

    /// <summary>
    /// Processes an undecided benchmark gets whatever the time budget: a slow one (BeliefUpdate(1000), 25–38 s a process)
    /// would otherwise end Inconclusive on the 2 processes the budget holds.
    /// </summary>
    public int UndecidedProcesses { get; init; } = 4;

    /// <summary>Processes at most; more are added only while the answer is unknown and can still be found.</summary>
    public int MaxProcesses { get; init; } = 12;

    /// <summary>Seconds of paired processes one benchmark may use: a process that would overrun it is not started.</summary>
    public double TimeBudgetSeconds { get; init; } = 40;

    /// <summary>Half-width of the change's interval in standard errors (3: about 0.1% on each side when the noise estimate is right).</summary>
    public double IntervalWidth { get; init; } = 3.0;

    /// <summary>
    /// What one A/A change (half a side's copies against the other half) says of the noise of one process's change (all
    /// copies against all): the standard deviation of a median of 4 is √(0.298/0.5) ≈ 0.77 of that of a median of 2 (normal
    /// samples), so the A/A, taken on half the copies, is scaled by it.
    /// </summary>
    public double SelfChangeScale { get; init; } = 0.77;

    /// <summary>Smallest per-process noise (ln units) the gate assumes, however quiet the run's own A/A estimate was.</summary>
    public double MinimumNoise { get; init; } = 0.005;

    /// <summary>Bytes per operation above the baseline's that are always tolerated.</summary>
    public double AllocationToleranceBytes { get; init; } = 0.5;

    /// <summary>Relative increase of bytes per operation tolerated on top of <see cref="AllocationToleranceBytes"/>.</summary>
    public double AllocationToleranceRelative { get; init; } = 0.05;
}
