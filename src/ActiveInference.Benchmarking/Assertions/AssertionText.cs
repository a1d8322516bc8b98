using System.Globalization;

namespace ActiveInference.Benchmarking.Assertions;

/// <summary>Numbers in assertion messages, in the invariant culture.</summary>
internal static class AssertionText
{
    public static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    public static string Rate(double value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    public static string Bytes(double value) => value.ToString("0.##", CultureInfo.InvariantCulture) + " B";
}
