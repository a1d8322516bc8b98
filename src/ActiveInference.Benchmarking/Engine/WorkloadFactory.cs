using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace ActiveInference.Benchmarking.Engine;

/// <summary>
/// Builds a <see cref="Workload"/> from a method, its target and its arguments: a compiled loop that calls the
/// method directly (never <see cref="MethodBase.Invoke(object, object[])"/> per call), loads the arguments once
/// into locals, and stores every result in a heap field so the JIT cannot drop the work.
/// </summary>
public static class WorkloadFactory
{
    /// <summary>Creates the workload, or throws <see cref="ArgumentException"/> naming why the method cannot be benchmarked.</summary>
    /// <param name="target">The fixture instance, or null for a static method.</param>
    /// <param name="method">The benchmark method.</param>
    /// <param name="arguments">Its arguments (already converted to the parameter types, as NUnit does).</param>
    /// <param name="sampleSetup">Untimed setup before each sample, or null.</param>
    public static Workload Create(object? target, MethodInfo method, object?[] arguments, Action? sampleSetup = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        var parameters = method.GetParameters();
        if (method.ContainsGenericParameters)
            throw new ArgumentException($"{method.Name}: open generic methods cannot be benchmarked", nameof(method));
        if (typeof(System.Threading.Tasks.Task).IsAssignableFrom(method.ReturnType) || method.ReturnType.Name.StartsWith("ValueTask", StringComparison.Ordinal))
            throw new ArgumentException($"{method.Name}: asynchronous benchmarks are not supported; benchmark the synchronous work", nameof(method));
        if (parameters.Any(p => p.ParameterType.IsByRef))
            throw new ArgumentException($"{method.Name}: ref, out and in parameters are not supported", nameof(method));
        if (arguments.Length != parameters.Length)
            throw new ArgumentException($"{method.Name}: takes {parameters.Length} argument(s) but {arguments.Length} were given", nameof(arguments));
        if (!method.IsStatic && target is null)
            throw new ArgumentException($"{method.Name}: instance method without a fixture instance", nameof(target));

        var run = BuildLoop(method.IsStatic ? null : target, method, parameters, arguments);
        var idle = typeof(WorkloadFactory).GetMethod(method.ReturnType == typeof(void) ? nameof(IdleVoid) : nameof(Idle), BindingFlags.NonPublic | BindingFlags.Static)!;
        if (method.ReturnType != typeof(void)) idle = idle.MakeGenericMethod(method.ReturnType);
        var overhead = BuildLoop(null, idle, [], []);
        var boundTarget = method.IsStatic ? null : target;
        return new Workload(run, overhead, sampleSetup) { Probe = () => InvokeOnce(boundTarget, method, arguments) };
    }

    private static Action<long> BuildLoop(object? target, MethodInfo method, ParameterInfo[] parameters, object?[] arguments)
    {
        var count = Expression.Parameter(typeof(long), "n");
        var i = Expression.Variable(typeof(long), "i");
        var locals = parameters.Select((p, k) => Expression.Variable(p.ParameterType, "a" + k)).ToArray();
        var body = new List<Expression>();
        for (var k = 0; k < locals.Length; k++)
            body.Add(Expression.Assign(locals[k], Expression.Convert(Expression.Constant(arguments[k], typeof(object)), locals[k].Type)));

        Expression? instance = target is null ? null : Expression.Constant(target, method.DeclaringType!);
        Expression call = Expression.Call(instance, method, locals);
        if (method.ReturnType != typeof(void))
        {
            var sinkType = typeof(StrongBox<>).MakeGenericType(method.ReturnType);
            var sink = Activator.CreateInstance(sinkType)!;
            call = Expression.Assign(Expression.Field(Expression.Constant(sink, sinkType), "Value"), call);
        }

        var exit = Expression.Label("exit");
        body.Add(Expression.Assign(i, Expression.Constant(0L)));
        body.Add(Expression.Loop(
            Expression.IfThenElse(
                Expression.LessThan(i, count),
                Expression.Block(call, Expression.PreIncrementAssign(i)),
                Expression.Break(exit)),
            exit));
        var block = Expression.Block(locals.Append(i), body);
        return Expression.Lambda<Action<long>>(block, count).Compile();
    }

    private static object? InvokeOnce(object? target, MethodInfo method, object?[] arguments)
    {
        try
        {
            return method.Invoke(target, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T? Idle<T>() => default;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void IdleVoid() { }
}
