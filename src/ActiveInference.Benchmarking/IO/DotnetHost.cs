namespace ActiveInference.Benchmarking.IO;

/// <summary>The <c>dotnet</c> executable that child processes are started with: the one running this process when it can be found.</summary>
internal static class DotnetHost
{
    public static string Path()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        var process = Environment.ProcessPath;
        if (process is not null && System.IO.Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) return process;
        return "dotnet";
    }
}
