using System.Reflection;
using ActiveInference.Benchmarking.Engine;
using NUnit.Framework;
using NUnit.Framework.Api;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace ActiveInference.Benchmarking.Pairing;

/// <summary>
/// One copy of one benchmark case: the side's assemblies in a load context of its own, the test found through NUnit's
/// builder, its own fixture instance set up for this case, and the workload built on it.
/// </summary>
internal sealed class BenchmarkCopy
{
    private readonly Test _test;
    private readonly List<(Type Type, object? Instance)> _fixtures;

    private BenchmarkCopy(Side side, int index, Workload workload, Test test, List<(Type, object?)> fixtures)
    {
        Side = side;
        Index = index;
        Workload = workload;
        _test = test;
        _fixtures = fixtures;
    }

    /// <summary>The side this copy belongs to.</summary>
    public Side Side { get; }

    /// <summary>Its number within its side, from 0.</summary>
    public int Index { get; }

    /// <summary>The benchmark loop on this copy's fixture.</summary>
    public Workload Workload { get; }

    /// <summary>This copy's benchmark method.</summary>
    public MethodInfo Method => _test.Method!.MethodInfo;

    /// <summary>
    /// Loads copy <paramref name="index"/> and prepares <paramref name="fullName"/>; throws <see
    /// cref="MissingBenchmarkException"/> or <see cref="PairingException"/>.
    /// </summary>
    public static BenchmarkCopy Create(SideBuild build, int index, string fullName)
    {
        var side = SideBuild.Describe(build.Side);
        Test test;
        try
        {
            var assembly = new CopyLoadContext(build, index).LoadEntry();
            var root = new DefaultTestAssemblyBuilder().Build(assembly, new Dictionary<string, object>());
            if (root.RunState == RunState.NotRunnable)
                throw new PairingException($"NUnit cannot load the {side}'s {build.EntryAssembly}: {root.Properties.Get(PropertyNames.SkipReason)}");
            test = Find(root, fullName) ?? throw new MissingBenchmarkException($"the {side} has no test {fullName}");
        }
        catch (Exception e) when (IsBindingFailure(e))
        {
            throw new PairingException($"the {side}'s {build.EntryAssembly} does not bind to this framework: {Describe(e)}", e);
        }

        var reason = test.Properties.Get(PropertyNames.SkipReason) as string;
        if (test.RunState is RunState.NotRunnable or RunState.Ignored && reason != PerfBenchmarkAttribute.NonVoidReason)
            throw new PairingException($"the {side}'s {test.Name} is {test.RunState}: {reason}");
        if (test.Method is null)
            throw new PairingException($"the {side}'s {fullName} is not a test method");

        var fixtures = new List<(Type, object?)>();
        var context = TestExecutionContext.CurrentContext;
        var (previousTest, previousObject) = (context.CurrentTest, context.TestObject);
        context.CurrentTest = test;
        try
        {
            foreach (var suite in Ancestors(test).Reverse())
            {
                if (suite.TypeInfo is null || suite is ParameterizedMethodSuite) continue;
                var instance = Construct(suite);
                context.TestObject = instance;
                fixtures.Add((suite.TypeInfo.Type, instance));
                Run<OneTimeSetUpAttribute>(suite.TypeInfo.Type, instance);
            }
            var (fixtureType, fixture) = fixtures.Count > 0 ? fixtures[^1] : (test.Method.TypeInfo.Type, null);
            Run<SetUpAttribute>(fixtureType, fixture);
            var method = test.Method.MethodInfo;
            var attribute = method.GetCustomAttribute<PerfBenchmarkAttribute>();
            CaseSetupMethod.Bind(attribute?.Setup, method, fixture, test.Arguments)?.Invoke();
            var workload = WorkloadFactory.Create(method.IsStatic ? null : fixture, method, test.Arguments,
                SampleSetupMethod.Bind(attribute?.SampleSetup, method, fixture));
            workload.SampleSetup?.Invoke();
            workload.Probe();
            return new BenchmarkCopy(build.Side, index, workload, test, fixtures);
        }
        catch (Exception e) when (e is not PairingException)
        {
            var inner = e is TargetInvocationException { InnerException: { } thrown } ? thrown : e;
            throw new PairingException(IsBindingFailure(inner)
                ? $"the {side}'s {test.Name} does not bind to this framework: {Describe(inner)}"
                : $"the {side}'s {test.Name} throws: {Describe(inner)}", inner);
        }
        finally
        {
            context.CurrentTest = previousTest;
            context.TestObject = previousObject;
        }
    }

    /// <summary>
    /// Runs the case's <c>[TearDown]</c> and every <c>[OneTimeTearDown]</c>, innermost first; failures are ignored (the
    /// measurement is over).
    /// </summary>
    public void TearDown()
    {
        var context = TestExecutionContext.CurrentContext;
        var previous = context.CurrentTest;
        context.CurrentTest = _test;
        try
        {
            if (_fixtures.Count > 0) TryRun<TearDownAttribute>(_fixtures[^1].Type, _fixtures[^1].Instance);
            for (var i = _fixtures.Count - 1; i >= 0; i--) TryRun<OneTimeTearDownAttribute>(_fixtures[i].Type, _fixtures[i].Instance);
        }
        finally
        {
            context.CurrentTest = previous;
        }
    }

    private static Test? Find(ITest node, string fullName)
    {
        if (!node.IsSuite) return node.FullName == fullName ? node as Test : null;
        foreach (var child in node.Tests)
            if (Find(child, fullName) is { } found) return found;
        return null;
    }

    private static IEnumerable<Test> Ancestors(Test test)
    {
        for (var t = test.Parent as Test; t is not null; t = t.Parent as Test)
            if (t is TestFixture or SetUpFixture) yield return t;
    }

    private static object? Construct(Test suite)
    {
        var type = suite.TypeInfo!.Type;
        if (type.IsAbstract && type.IsSealed) return null;
        var arguments = suite is TestSuite { Arguments.Length: > 0 } parameterised ? parameterised.Arguments : [];
        return Activator.CreateInstance(type, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, arguments, null);
    }

    private static void Run<TAttribute>(Type type, object? instance) where TAttribute : Attribute
    {
        foreach (var method in Marked<TAttribute>(type))
            method.Invoke(method.IsStatic ? null : instance, null);
    }

    private static void TryRun<TAttribute>(Type type, object? instance) where TAttribute : Attribute
    {
        try { Run<TAttribute>(type, instance); }
        catch (Exception e) when (e is TargetInvocationException or MemberAccessException or ArgumentException) { }
    }

    /// <summary>Methods carrying <typeparamref name="TAttribute"/>, base classes first, as NUnit orders them.</summary>
    private static IEnumerable<MethodInfo> Marked<TAttribute>(Type type) where TAttribute : Attribute
    {
        var chain = new Stack<Type>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType) chain.Push(t);
        const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;
        foreach (var t in chain)
            foreach (var method in t.GetMethods(Declared).Where(m => m.IsDefined(typeof(TAttribute), inherit: false) && m.GetParameters().Length == 0))
                yield return method;
    }

    private static bool IsBindingFailure(Exception e) =>
        e is MissingMemberException or TypeLoadException or FileNotFoundException or FileLoadException or BadImageFormatException
            or CustomAttributeFormatException;

    private static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message}";
}
