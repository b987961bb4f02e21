using Summarizer.Core.Engines;

namespace Summarizer.Core.EngineSetup;

/// <summary>
/// Decides before a job exists whether the reference engine can answer for its articles: it serves only the sample
/// articles it has prepared data for, so anything else is refused with how to configure a real engine, instead of a
/// job whose every article fails.
/// </summary>
public static class ReferenceCoverage
{
    /// <summary>How to run on a real model, in one line.</summary>
    public const string HowToConfigure =
        "For your own articles use a real engine: --engine azure --endpoint https://<resource>.openai.azure.com/ --deployment <name> " +
        "(with AZURE_OPENAI_API_KEY), or --engine openai --endpoint http://localhost:11434/v1 --model <name> (any OpenAI-compatible server)";

    /// <summary>Throws when some articles have no prepared reference data.</summary>
    /// <param name="references">The reference data.</param>
    /// <param name="articles">Each article's path and the Arabic of its first sentence.</param>
    /// <exception cref="EngineConfigurationException">Some articles are not sample articles.</exception>
    public static void Require(ReferenceDataStore references, IReadOnlyList<(string Path, string FirstSentence)> articles)
    {
        var uncovered = articles.Where(a => references.FindSentence(a.FirstSentence) is null).Select(a => Path.GetFileName(a.Path)).ToList();
        if (uncovered.Count > 0)
        {
            var named = string.Join(", ", uncovered.Take(3)) + (uncovered.Count > 3 ? $" and {uncovered.Count - 3} more" : string.Empty);
            throw new EngineConfigurationException(
                $"the reference engine only serves the sample articles in samples/articles ({uncovered.Count} other article{(uncovered.Count == 1 ? string.Empty : "s")}: {named}); nothing was run. {HowToConfigure}");
        }
    }
}
