namespace ActiveInference.Benchmarking.Tests.Engine;

/// <summary>Methods of every shape <see cref="Benchmarking.Engine.WorkloadFactory"/> meets, counting their calls.</summary>
#pragma warning disable CA1822 // instance methods on purpose: the factory must bind them to a target
internal sealed class WorkloadTarget
{
    public const string FailureMessage = "benchmark failed";

    public static long StaticCalls { get; set; }

    public long Calls { get; private set; }

    public (int, double, string, Point) Received { get; private set; }

    public long Count() => ++Calls;

    public void Touch() => Calls++;

    public Point MakePoint() => new((int)++Calls, 0);

    public double Take(int i, double d, string s, Point p)
    {
        Calls++;
        Received = (i, d, s, p);
        return i + d;
    }

    public static int CountStatic(int by) => (int)(StaticCalls += by);

    public int Fail() => throw new InvalidOperationException(FailureMessage);

    public void WithRef(ref int x) => x++;

    public void WithOut(out int x) => x = 1;

    public int WithIn(in int x) => x;

    public Task AsyncTask() => Task.CompletedTask;

    public Task<int> AsyncTaskOfInt() => Task.FromResult(1);

    public ValueTask AsyncValueTask() => ValueTask.CompletedTask;

    public T Generic<T>(T value) => value;
}
#pragma warning restore CA1822
