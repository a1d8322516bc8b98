using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace ActiveInference.Benchmarking.Baselines;

/// <summary>Fingerprint of what outside the code changes the numbers (CPU, cores, OS, runtime, engine); baselines are kept per profile.</summary>
internal sealed record MachineProfile
{
    /// <summary>Characters of the SHA-256 hex digest kept as the id.</summary>
    public const int IdLength = 12;

    /// <summary>Creates a profile from its fields; the id is computed from them.</summary>
    /// <param name="cpuModel">CPU model name, e.g. <c>AMD EPYC 7763 64-Core Processor</c>.</param>
    /// <param name="logicalCores">Logical processors visible to the process.</param>
    /// <param name="operatingSystem">Operating system description, e.g. <c>Debian GNU/Linux 12 (bookworm)</c>.</param>
    /// <param name="runtimeVersion">.NET runtime version, major.minor.patch, e.g. <c>10.0.12</c>.</param>
    /// <param name="engineVersion">Version of the measuring engine (this assembly), major.minor.patch.</param>
    /// <param name="engineSettings">The caller's fingerprint of engine settings that change numbers (sample time, reference workload...).</param>
    public MachineProfile(string cpuModel, int logicalCores, string operatingSystem, string runtimeVersion, string engineVersion, string engineSettings)
    {
        ArgumentNullException.ThrowIfNull(cpuModel);
        ArgumentNullException.ThrowIfNull(operatingSystem);
        ArgumentNullException.ThrowIfNull(runtimeVersion);
        ArgumentNullException.ThrowIfNull(engineVersion);
        ArgumentNullException.ThrowIfNull(engineSettings);
        ArgumentOutOfRangeException.ThrowIfLessThan(logicalCores, 1);
        CpuModel = cpuModel;
        LogicalCores = logicalCores;
        OperatingSystem = operatingSystem;
        RuntimeVersion = runtimeVersion;
        EngineVersion = engineVersion;
        EngineSettings = engineSettings;
        Id = ComputeId(cpuModel, logicalCores, operatingSystem, runtimeVersion, engineVersion, engineSettings);
    }

    /// <summary>Short stable id: the key of this profile in <c>baselines.json</c>. Computed, or the configured override.</summary>
    public string Id { get; private init; }

    /// <summary>CPU model name.</summary>
    public string CpuModel { get; }

    /// <summary>Logical processors visible to the process.</summary>
    public int LogicalCores { get; }

    /// <summary>Operating system description.</summary>
    public string OperatingSystem { get; }

    /// <summary>.NET runtime version, major.minor.patch.</summary>
    public string RuntimeVersion { get; }

    /// <summary>Engine version, major.minor.patch.</summary>
    public string EngineVersion { get; }

    /// <summary>Fingerprint of the engine settings that change numbers, as given by the caller.</summary>
    public string EngineSettings { get; }

    /// <summary>
    /// One line for people, e.g. <c>AMD EPYC, 2 logical cores, Debian GNU/Linux 12 (bookworm), .NET 10.0.12, engine
    /// 1.0.0 [settings]</c>.
    /// </summary>
    public string Description =>
        string.Create(CultureInfo.InvariantCulture,
            $"{CpuModel}, {LogicalCores} logical cores, {OperatingSystem}, .NET {RuntimeVersion}, engine {EngineVersion} [{EngineSettings}]");

    /// <summary>Detects the profile of the machine this process runs on.</summary>
    /// <param name="engineSettings">Fingerprint of the engine settings that change numbers.</param>
    /// <param name="idOverride">Configured machine profile id, or null to use the computed one.</param>
    public static MachineProfile Detect(string engineSettings, string? idOverride = null)
    {
        var runtime = Environment.Version;
        var engine = typeof(MachineProfile).Assembly.GetName().Version ?? new Version(0, 0, 0);
        var profile = new MachineProfile(
            DetectCpuModel(),
            Environment.ProcessorCount,
            RuntimeInformation.OSDescription.Trim(),
            FormattableString.Invariant($"{runtime.Major}.{runtime.Minor}.{Math.Max(runtime.Build, 0)}"),
            FormattableString.Invariant($"{engine.Major}.{engine.Minor}.{Math.Max(engine.Build, 0)}"),
            engineSettings);
        return profile.WithIdOverride(idOverride);
    }

    /// <summary>This profile with <paramref name="id"/> as its id (trimmed), or unchanged when it is null or blank.</summary>
    public MachineProfile WithIdOverride(string? id) =>
        string.IsNullOrWhiteSpace(id) ? this : this with { Id = id.Trim() };

    /// <summary>The fields that differ from <paramref name="other"/>, one line each; empty when only the id differs.</summary>
    public IReadOnlyList<string> DifferencesFrom(MachineProfile other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var differences = new List<string>();
        Add("CPU", other.CpuModel, CpuModel);
        Add("logical cores", other.LogicalCores.ToString(CultureInfo.InvariantCulture), LogicalCores.ToString(CultureInfo.InvariantCulture));
        Add("OS", other.OperatingSystem, OperatingSystem);
        Add(".NET", other.RuntimeVersion, RuntimeVersion);
        Add("engine", other.EngineVersion, EngineVersion);
        Add("engine settings", other.EngineSettings, EngineSettings);
        return differences;

        void Add(string name, string theirs, string ours)
        {
            if (!string.Equals(theirs, ours, StringComparison.Ordinal))
                differences.Add($"{name}: {theirs} → {ours}");
        }
    }

    /// <summary>First <see cref="IdLength"/> lowercase hex digits of SHA-256 over the fields, one per line.</summary>
    internal static string ComputeId(string cpuModel, int logicalCores, string operatingSystem, string runtimeVersion, string engineVersion, string engineSettings)
    {
        var text = string.Join('\n',
            cpuModel, logicalCores.ToString(CultureInfo.InvariantCulture), operatingSystem, runtimeVersion, engineVersion, engineSettings);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(hash)[..IdLength];
    }

    /// <summary>The <c>model name</c> line of a Linux <c>/proc/cpuinfo</c> text, or null when it has none.</summary>
    internal static string? ParseCpuInfo(string cpuInfo)
    {
        foreach (var line in cpuInfo.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon < 0)
                continue;
            var key = line[..colon].Trim();
            if (key.Equals("model name", StringComparison.OrdinalIgnoreCase) || key.Equals("Processor", StringComparison.Ordinal))
            {
                var value = line[(colon + 1)..].Trim();
                if (value.Length > 0)
                    return value;
            }
        }
        return null;
    }

    private static string DetectCpuModel()
    {
        string? model = null;
        try
        {
            if (System.OperatingSystem.IsLinux() && File.Exists("/proc/cpuinfo"))
                model = ParseCpuInfo(File.ReadAllText("/proc/cpuinfo"));
            else if (System.OperatingSystem.IsWindows())
                model = Environment.GetEnvironmentVariable("PROCESSOR_IDENTIFIER")?.Trim();
        }
        catch (IOException)
        {
            // Unreadable cpuinfo: fall back below.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
        return string.IsNullOrWhiteSpace(model)
            ? $"unknown {RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()} CPU"
            : model;
    }
}
