using ActiveInference.Benchmarking.Configuration;
using NUnit.Framework;

namespace ActiveInference.Benchmarking.Tests.PerfMonitor;

[TestFixture]
public sealed class ShardTests
{
    private static readonly string[] Names = Enumerable.Range(0, 300)
        .Select(i => $"ActiveInference.Core.PerfTests.Kernel{i % 7}.Case({i}, \"ü{i}\")")
        .ToArray();

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(8)]
    public void EveryBenchmarkIsInExactlyOneShard(int count)
    {
        var shards = Enumerable.Range(1, count).Select(i => new Shard(i, count)).ToArray();
        foreach (var name in Names)
            Assert.That(shards.Count(s => s.Contains(name)), Is.EqualTo(1), name);
    }

    [Test]
    public void SharesAreRoughlyEven()
    {
        var sizes = Enumerable.Range(1, 3).Select(i => Names.Count(new Shard(i, 3).Contains)).ToArray();
        Assert.That(sizes, Has.All.InRange(70, 130), string.Join(", ", sizes));
    }

    // Pinned: the first 8 bytes of SHA-256(UTF-8 name), big-endian, mod the count (computed outside .NET), so a name's
    // shard depends on nothing but the name and the count: not on the process (string.GetHashCode is randomised per
    // process), the runtime, or the other benchmarks (adding one moves no other, unlike a position in a sorted list).
    [TestCase("ActiveInference.Core.PerfTests.FreeEnergyBenchmarks.FreeEnergy(100)", 4, 1)]
    [TestCase("ActiveInference.Core.PerfTests.FreeEnergyBenchmarks.FreeEnergy(100)", 1000, 237)]
    [TestCase("ActiveInference.Core.PerfTests.DiscreteInferenceBenchmarks.InferStates(\"large\")", 4, 3)]
    [TestCase("ActiveInference.Core.PerfTests.DiscreteInferenceBenchmarks.InferStates(\"large\")", 1000, 511)]
    [TestCase("Ns.Kernel(1, \"ü\")", 1000, 473)]
    public void ABenchmarksBucketIsTheSha256OfItsNameModuloTheCount(string name, int count, int bucket) =>
        Assert.That(Shard.Bucket(name, count), Is.EqualTo(bucket));

    [Test]
    public void TheEmptyNameHasTheBucketOfTheEmptyHash() =>
        Assert.That(Shard.Bucket("", 1000), Is.EqualTo((int)(0xe3b0c44298fc1c14UL % 1000UL)));

    [TestCase("1/3", 1, 3)]
    [TestCase(" 3/3 ", 3, 3)]
    [TestCase("1/1", 1, 1)]
    public void ParsesIOfN(string text, int index, int count)
    {
        Assert.That(Shard.TryParse(text, out var shard, out _), Is.True);
        Assert.That(shard, Is.EqualTo(new Shard(index, count)));
        Assert.That(shard!.ToString(), Is.EqualTo($"{index}/{count}"));
    }

    [TestCase("0/3")]
    [TestCase("4/3")]
    [TestCase("1/0")]
    [TestCase("a/b")]
    [TestCase("1-3")]
    [TestCase("")]
    [TestCase("+1/3")]
    public void RejectsOtherText(string text)
    {
        Assert.That(Shard.TryParse(text, out _, out var problem), Is.False);
        Assert.That(problem, Does.Contain("shard"));
    }

    [Test]
    public void IsAPerfOptionFromTheEnvironmentAndRunSettings()
    {
        var root = Path.GetTempPath();
        var fromEnvironment = PerfOptionsLoader.Load(new Dictionary<string, string?>(), new Dictionary<string, string?> { ["PERF_SHARD"] = "2/4" }, root);
        Assert.That(fromEnvironment.Options?.Shard, Is.EqualTo(new Shard(2, 4)));
        var fromRunSettings = PerfOptionsLoader.Load(new Dictionary<string, string?> { ["shard"] = "1/2" }, new Dictionary<string, string?>(), root);
        Assert.That(fromRunSettings.Options?.Shard, Is.EqualTo(new Shard(1, 2)));
        var none = PerfOptionsLoader.Load(new Dictionary<string, string?>(), new Dictionary<string, string?>(), root);
        Assert.That(none.Options?.Shard, Is.Null);
        var bad = PerfOptionsLoader.Load(new Dictionary<string, string?>(), new Dictionary<string, string?> { ["PERF_SHARD"] = "5/4" }, root);
        Assert.That(bad.IsValid, Is.False);
        Assert.That(bad.ErrorMessage, Does.Contain("PERF_SHARD"));
    }
}
