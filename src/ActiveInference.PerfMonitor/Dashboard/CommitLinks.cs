using System.Net;

namespace ActiveInference.PerfMonitor.Dashboard;

/// <summary>Links a commit to its page: a template with <c>{commit}</c> (e.g. <c>https://github.com/o/r/commit/{commit}</c>), or none.</summary>
/// <param name="Template">The URL template, or null to show commits as text.</param>
internal sealed record CommitLinks(string? Template)
{
    /// <summary>From <c>--commit-url</c>, else GitHub Actions' GITHUB_SERVER_URL and GITHUB_REPOSITORY, else none.</summary>
    public static CommitLinks From(string? template, CliContext context)
    {
        if (template is not null)
        {
            if (!template.Contains("{commit}", StringComparison.Ordinal))
                throw new MonitorException($"--commit-url '{template}' must contain {{commit}} where the hash goes, e.g. https://github.com/owner/repo/commit/{{commit}}");
            return new CommitLinks(template);
        }

        return context.Variable("GITHUB_SERVER_URL") is { } server && context.Variable("GITHUB_REPOSITORY") is { } repository
            ? new CommitLinks($"{server.TrimEnd('/')}/{repository}/commit/{{commit}}")
            : new CommitLinks((string?)null);
    }

    /// <summary>The URL of <paramref name="commit"/>, or null.</summary>
    public string? Url(string commit) => Template?.Replace("{commit}", Uri.EscapeDataString(commit), StringComparison.Ordinal);

    /// <summary>The commit's 7 characters as HTML, a link when there is a template.</summary>
    public string Html(string commit)
    {
        var text = WebUtility.HtmlEncode(commit.Length > 7 ? commit[..7] : commit);
        return Url(commit) is { } url ? $"<a class=\"commit\" href=\"{WebUtility.HtmlEncode(url)}\" title=\"{WebUtility.HtmlEncode(commit)}\">{text}</a>" : $"<code title=\"{WebUtility.HtmlEncode(commit)}\">{text}</code>";
    }
}
