namespace ActiveInference.Benchmarking.Tests.Architecture;

/// <summary>
/// The framework's rooms (the namespaces under <c>ActiveInference.Benchmarking</c>) from the lowest up, as README.md
/// ("Working on this repository") lists them: a type may refer to its own room and to rooms below it, never to one
/// above, except for the few references <see cref="Allowed"/> names with their reason.
/// </summary>
/// <param name="rooms">Room names relative to <see cref="Root"/>, lowest first; "" is the root namespace itself.</param>
/// <param name="allowed">The references kept against the order, by type names relative to <see cref="Root"/>.</param>
internal sealed class RoomOrder(IReadOnlyList<string> rooms, IReadOnlyList<RoomOrder.AllowedReference> allowed)
{
    /// <summary>The framework's namespace; its first segment below is the room.</summary>
    public const string Root = "ActiveInference.Benchmarking";

    /// <summary>The order README.md states, and the references it keeps against it.</summary>
    public static RoomOrder Framework { get; } = new(
        ["Formatting", "Statistics", "IO", "Configuration", "Engine", "", "Baselines", "Gate", "Assertions", "Pairing", "History", "Reporting", "Execution"],
        [
            new("PerfBenchmarkAttribute", "Execution.BenchmarkCommand", "NUnit's entry: the attribute wraps the test method in the command (IWrapTestMethod)"),
            new("PerfSuiteAttribute", "Execution.PerfSession", "NUnit's entry: the assembly-level action completes the run's session"),
        ]);

    /// <summary>Room names relative to <see cref="Root"/>, lowest first.</summary>
    public IReadOnlyList<string> Rooms { get; } = rooms;

    /// <summary>The references kept against the order.</summary>
    public IReadOnlyList<AllowedReference> Allowed { get; } = allowed;

    /// <summary>
    /// Every reference of <paramref name="references"/> from a room to a room above it, as "From -> To: why" lines
    /// (type names relative to <see cref="Root"/>), sorted; empty when the order holds. References to or from types
    /// outside the framework, and from a namespace that is no room (see <see cref="Unplaced"/>), are left out.
    /// </summary>
    public IReadOnlyList<string> Violations(IEnumerable<TypeReference> references) =>
        references
            .Where(r => Level(r.FromNamespace) is { } from && Level(r.ToNamespace) is { } to && to > from && !IsAllowed(r))
            .Select(r => $"{Relative(Outer(r.FromType))} -> {Relative(Outer(r.ToType))}: {Describe(r.FromNamespace)} is below {Describe(r.ToNamespace)}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>The framework namespaces of <paramref name="namespaces"/> that are not a room of the order, sorted.</summary>
    public IReadOnlyList<string> Unplaced(IEnumerable<string> namespaces) =>
        namespaces.Where(n => IsFramework(n) && Level(n) is null).Distinct().Order(StringComparer.Ordinal).ToArray();

    private bool IsAllowed(TypeReference reference) =>
        Allowed.Any(a => Outer(reference.FromType) == Qualified(a.From) && Outer(reference.ToType) == Qualified(a.To));

    private int? Level(string @namespace)
    {
        if (!IsFramework(@namespace)) return null;
        var room = @namespace == Root ? "" : @namespace[(Root.Length + 1)..].Split('.')[0];
        var level = Rooms.ToList().IndexOf(room);
        return level < 0 ? null : level;
    }

    private static bool IsFramework(string @namespace) => @namespace == Root || @namespace.StartsWith(Root + ".", StringComparison.Ordinal);

    private static string Describe(string @namespace) => @namespace == Root ? "the root namespace" : @namespace[(Root.Length + 1)..].Split('.')[0];

    private static string Outer(string typeFullName) => typeFullName.Split('+', '/')[0];

    private static string Qualified(string relative) => Root + "." + relative;

    private static string Relative(string typeFullName) =>
        typeFullName.StartsWith(Root + ".", StringComparison.Ordinal) ? typeFullName[(Root.Length + 1)..] : typeFullName;

    /// <summary>One reference from a type to another, as the compiled assembly holds it.</summary>
    /// <param name="FromNamespace">The referring type's namespace.</param>
    /// <param name="FromType">The referring type's full name (nested types after '+').</param>
    /// <param name="ToNamespace">The referred type's namespace.</param>
    /// <param name="ToType">The referred type's full name.</param>
    public readonly record struct TypeReference(string FromNamespace, string FromType, string ToNamespace, string ToType);

    /// <summary>A reference kept against the order until the code changes, with the reason a reader needs.</summary>
    /// <param name="From">The referring type, relative to <see cref="Root"/> (its nested types are included).</param>
    /// <param name="To">The referred type, relative to <see cref="Root"/>.</param>
    /// <param name="Reason">Why the reference stays.</param>
    public sealed record AllowedReference(string From, string To, string Reason);
}
