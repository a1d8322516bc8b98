using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActiveInference.Benchmarking.Tests.Architecture;

/// <summary>
/// Finds, in the framework's source, uses of another room's <c>const</c> (<c>Type.Name</c>): the compiler copies a
/// constant into the code that uses it, so the compiled assembly keeps no reference for <see cref="RoomOrder"/> to see.
/// </summary>
internal static class RoomConstants
{
    /// <summary>
    /// The uses of a constant of a room above the using file's room, as <see cref="RoomOrder.TypeReference"/>s from the
    /// outermost type around the use to the constant's type. A use counts when the file names the constant's namespace
    /// in a <c>using</c>, qualifies the type with it, or lies inside it.
    /// </summary>
    /// <param name="sources">The C# files' texts.</param>
    public static IReadOnlyList<RoomOrder.TypeReference> References(IEnumerable<string> sources)
    {
        var files = sources.Select(text => CSharpSyntaxTree.ParseText(text).GetCompilationUnitRoot()).ToArray();
        var declared = files
            .SelectMany(file => file.DescendantNodes().OfType<FieldDeclarationSyntax>()
                .Where(field => field.Modifiers.Any(SyntaxKind.ConstKeyword) && field.Parent is TypeDeclarationSyntax)
                .SelectMany(field => field.Declaration.Variables.Select(v => (Type: ((TypeDeclarationSyntax)field.Parent!).Identifier.Text, Constant: v.Identifier.Text, Namespace: NamespaceOf(file)))))
            .ToLookup(c => (c.Type, c.Constant), c => c.Namespace);
        var references = new List<RoomOrder.TypeReference>();
        foreach (var file in files)
        {
            var fileNamespace = NamespaceOf(file);
            var usings = file.Usings.Where(u => u.Alias is null && u.StaticKeyword == default).Select(u => u.Name!.ToString()).ToHashSet(StringComparer.Ordinal);
            foreach (var access in file.DescendantNodes().OfType<MemberAccessExpressionSyntax>())
            {
                var (qualifier, type) = access.Expression switch
                {
                    IdentifierNameSyntax name => ("", name.Identifier.Text),
                    MemberAccessExpressionSyntax { Name: IdentifierNameSyntax name } outer => (outer.Expression.ToString(), name.Identifier.Text),
                    _ => ("", ""),
                };
                foreach (var constantNamespace in declared[(type, access.Name.Identifier.Text)])
                {
                    var named = qualifier.Length == 0
                        ? usings.Contains(constantNamespace) || constantNamespace == fileNamespace || fileNamespace.StartsWith(constantNamespace + ".", StringComparison.Ordinal)
                        : constantNamespace == qualifier || constantNamespace.EndsWith("." + qualifier, StringComparison.Ordinal);
                    if (named && constantNamespace != fileNamespace)
                        references.Add(new(fileNamespace, fileNamespace + "." + OuterTypeOf(access), constantNamespace, constantNamespace + "." + type));
                }
            }
        }
        return references;
    }

    private static string NamespaceOf(CompilationUnitSyntax file) =>
        file.Members.OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString() ?? "";

    private static string OuterTypeOf(SyntaxNode node) =>
        node.Ancestors().OfType<BaseTypeDeclarationSyntax>().LastOrDefault()?.Identifier.Text ?? "";
}
