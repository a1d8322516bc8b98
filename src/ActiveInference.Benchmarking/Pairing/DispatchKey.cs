namespace ActiveInference.Benchmarking.Pairing;

/// <summary>
/// A virtual, interface or constrained call by what can answer it: any method of that simple name and parameter count
/// (explicit implementations by the name after their interface's), static ones too when the call is to a static member.
/// </summary>
/// <param name="Name">The method's simple name, e.g. <c>Compute</c> for <c>Ns.IKernel.Compute</c>.</param>
/// <param name="Parameters">Its number of parameters.</param>
/// <param name="Static">True for a call to a static abstract or virtual interface member.</param>
internal readonly record struct DispatchKey(string Name, int Parameters, bool Static)
{
    /// <summary>The simple name of a method name, without the interface an explicit implementation names.</summary>
    public static string SimpleName(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot <= 0 || dot == name.Length - 1 ? name : name[(dot + 1)..];
    }
}
