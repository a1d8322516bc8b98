using System.Text.Json;
using ActiveInference.Benchmarking.Baselines;
using ActiveInference.Benchmarking.Configuration;
using Json.Schema;
using NUnit.Framework;
using static ActiveInference.Benchmarking.Tests.Baselines.SampleResults;

namespace ActiveInference.Benchmarking.Tests.Baselines;

/// <summary>
/// The shipped baselines.schema.json and baselines.samples.schema.json describe what the store writes (validated with
/// JsonSchema.Net).
/// </summary>
[TestFixture]
public sealed class BaselineSchemaTests
{
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private string _directory = "";

    [SetUp]
    public void SetUp() => _directory = NewDirectory();

    [TearDown]
    public void TearDown() => Directory.Delete(_directory, recursive: true);

    // JsonSchema.Net registers a schema by its $id in a process-wide registry, so it is loaded once.
    private static readonly Lazy<JsonSchema> Schema = new(() => Load("baselines.schema.json"));
    private static readonly Lazy<JsonSchema> SamplesSchema = new(() => Load("baselines.samples.schema.json"));

    private static JsonSchema Load(string name)
    {
        var root = RepositoryRoot.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("repository root not found");
        return JsonSchema.FromText(File.ReadAllText(Path.Combine(root, "src", "ActiveInference.Benchmarking", "Baselines", name)));
    }

    [Test]
    public void AFileWrittenByTheStoreIsValidAgainstTheSchema()
    {
        var path = Path.Combine(_directory, "baselines.json");
        var store = new BaselineStore();
        store.Record(path, Profile(), [Result("Ns.A(1)"), Result("Ns.\"Odd\"|name\n(µs)")], "abc123");
        store.Record(path, Profile(), [Result("Ns.A(1)", at: Start.AddHours(1))], null);
        store.Record(path, Profile("Other CPU").WithIdOverride("ci-shared"), [Result("Ns.A(1)") with { StateSamples = new Dictionary<string, IReadOnlyList<double>> { ["probe"] = Enumerable.Repeat(1.5, 9).ToArray() } }], null);

        var results = Evaluate(File.ReadAllText(path));
        var samples = Evaluate(File.ReadAllText(BaselineStore.SamplesPathFor(path)), SamplesSchema.Value);

        Assert.That(results.IsValid, Is.True, Describe(results));
        Assert.That(samples.IsValid, Is.True, Describe(samples));
    }

    [Test]
    public void TheDocumentedSampleIsValidAgainstTheSchema()
    {
        var results = Evaluate(BaselineJsonTests.SampleText);
        var samples = Evaluate(BaselineJsonTests.SamplesText, SamplesSchema.Value);

        Assert.That(results.IsValid, Is.True, Describe(results));
        Assert.That(samples.IsValid, Is.True, Describe(samples));
    }

    [Test]
    public void AnOlderSamplesFileWithNormalisedSamplesIsStillValid()
    {
        var older = BaselineJsonTests.SamplesText.Replace("3030.75]", "3030.75], \"normalisedSamples\": [-0.41, -0.423, -0.39, -0.415, -0.402]", StringComparison.Ordinal);
        Assert.That(older, Does.Contain("normalisedSamples"), "test setup");

        var samples = Evaluate(older, SamplesSchema.Value);

        Assert.That(samples.IsValid, Is.True, Describe(samples));
    }

    [TestCase("\"median\":3008.25,", "", "a summary field missing")]
    [TestCase("\"schemaVersion\": 2", "\"schemaVersion\": 1", "another schema version")]
    [TestCase("\"recordedAt\":\"2025-03-01T12:00:00.0000000Z\"", "\"recordedAt\":\"yesterday\"", "a date that is not a date")]
    [TestCase("\"gen0\":2", "\"gen0\":-2", "a negative GC count")]
    [TestCase("\"commit\":\"4f2c1e9\",", "\"commit\":\"4f2c1e9\",\"extra\":1,", "an unknown property")]
    [TestCase("\"totalOperations\":10240}", "\"totalOperations\":10240,\"samples\":[1]}", "samples inline (they belong in the samples file)")]
    public void TheSchemaRejectsAFileWith(string find, string replace, string what)
    {
        var text = BaselineJsonTests.SampleText;
        Assert.That(text, Does.Contain(find), "test setup");

        var results = Evaluate(text.Replace(find, replace, StringComparison.Ordinal));

        Assert.That(results.IsValid, Is.False, what);
    }

    [TestCase("\"samples\": [3008.25, 2969.1, 3071.5, 2990.5, 3030.75]", "\"samples\": []", "no samples")]
    [TestCase("\"recordedAt\": \"2025-03-01T12:00:00.0000000Z\",", "", "no recordedAt to match it by")]
    [TestCase("\"schemaVersion\": 2", "\"schemaVersion\": 1", "another schema version")]
    public void TheSamplesSchemaRejectsAFileWith(string find, string replace, string what)
    {
        var text = BaselineJsonTests.SamplesText;
        Assert.That(text, Does.Contain(find), "test setup");

        var results = Evaluate(text.Replace(find, replace, StringComparison.Ordinal), SamplesSchema.Value);

        Assert.That(results.IsValid, Is.False, what);
    }

    private static EvaluationResults Evaluate(string text, JsonSchema? schema = null)
    {
        using var document = JsonDocument.Parse(text);
        return (schema ?? Schema.Value).Evaluate(document.RootElement, Options);
    }

    private static string Describe(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}")));
}
