using System.Linq.Expressions;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace ActiveInference.Benchmarking.Engine;

/// <summary>
/// Builds a <see cref="Workload"/> from a method, target and arguments: a loop calling a delegate built once, with every
/// result stored in a heap field so the JIT cannot drop the work; the overhead loop calls an empty method bound the same way.
/// </summary>
internal static class WorkloadFactory
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

        var parameterTypes = parameters.Select(p => p.ParameterType).ToArray();
        var delegateType = Expression.GetDelegateType([.. parameterTypes, method.ReturnType]);
        var callee = method.IsStatic ? method.CreateDelegate(delegateType) : method.CreateDelegate(delegateType, target);
        var run = BuildLoop(callee, parameterTypes, method.ReturnType, arguments);
        var overhead = BuildLoop(Idle(delegateType, parameterTypes, method.ReturnType, method.IsStatic), parameterTypes, method.ReturnType, arguments);
        var boundTarget = method.IsStatic ? null : target;
        return new Workload(run, overhead, sampleSetup) { Probe = () => InvokeOnce(boundTarget, method, arguments) };
    }

    private static Action<long> BuildLoop(Delegate callee, Type[] parameterTypes, Type returnType, object?[] arguments)
    {
        var count = Expression.Parameter(typeof(long), "n");
        var i = Expression.Variable(typeof(long), "i");
        var f = Expression.Variable(callee.GetType(), "f");
        var locals = parameterTypes.Select((t, k) => Expression.Variable(t, "a" + k)).ToArray();
        var body = new List<Expression> { Expression.Assign(f, Expression.Constant(callee, callee.GetType())) };
        for (var k = 0; k < locals.Length; k++)
            body.Add(Expression.Assign(locals[k], Expression.Convert(Expression.Constant(arguments[k], typeof(object)), locals[k].Type)));

        Expression call = Expression.Invoke(f, locals);
        var variables = new List<ParameterExpression>(locals) { f, i };
        if (returnType != typeof(void))
        {
            var sinkType = typeof(StrongBox<>).MakeGenericType(returnType);
            var sink = Expression.Variable(sinkType, "sink");
            variables.Add(sink);
            body.Add(Expression.Assign(sink, Expression.Constant(Activator.CreateInstance(sinkType)!, sinkType)));
            call = Expression.Assign(Expression.Field(sink, "Value"), call);
        }

        var exit = Expression.Label("exit");
        body.Add(Expression.Assign(i, Expression.Constant(0L)));
        body.Add(Expression.Loop(
            Expression.IfThenElse(
                Expression.LessThan(i, count),
                Expression.Block(call, Expression.PreIncrementAssign(i)),
                Expression.Break(exit)),
            exit));
        return Expression.Lambda<Action<long>>(Expression.Block(variables, body), count).Compile();
    }

    /// <summary>A delegate of <paramref name="delegateType"/> to an empty method returning default, bound like the benchmark's.</summary>
    private static Delegate Idle(Type delegateType, Type[] parameterTypes, Type returnType, bool isStatic)
    {
        var signature = isStatic ? parameterTypes : [typeof(object), .. parameterTypes];
        var idle = new DynamicMethod("Idle", returnType, signature, typeof(WorkloadFactory).Module, skipVisibility: true);
        var il = idle.GetILGenerator();
        if (returnType != typeof(void))
        {
            il.DeclareLocal(returnType);
            il.Emit(OpCodes.Ldloc_0);
        }
        il.Emit(OpCodes.Ret);
        return isStatic ? idle.CreateDelegate(delegateType) : idle.CreateDelegate(delegateType, new object());
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
}
