namespace ActiveInference.Benchmarking.Engine;

/// <summary>When the measurement stage has enough samples: asked before each further sample (or round); the caller owns the loop.</summary>
internal interface IStoppingRule
{
    /// <summary>True when no further sample is taken after <paramref name="samples"/> samples in <paramref name="elapsedNanoseconds"/> ns of the stage.</summary>
    bool ShouldStop(int samples, double elapsedNanoseconds);

    /// <summary>True when the stage, stopped at <paramref name="samples"/> samples, has fewer than it asked for (cut by a time limit).</summary>
    bool StoppedShort(int samples);
}
