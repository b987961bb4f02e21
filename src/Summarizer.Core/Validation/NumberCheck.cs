using Summarizer.Core.Stages;

namespace Summarizer.Core.Validation;

/// <summary>
/// The number check on claims, beside the citation check: every number a claim states (in English or Arabic, in
/// digits or words) must occur in the sentences it cites, or the claim is flagged.
/// </summary>
public static class NumberCheck
{
    /// <summary>Flags each number of the claim that none of its cited sentences contains.</summary>
    /// <param name="claim">The claim.</param>
    /// <param name="sentenceText">The article's Arabic sentences by id (every cited id must be there).</param>
    public static IReadOnlyList<Flag> Flags(ClaimDraft claim, IReadOnlyDictionary<string, string> sentenceText)
    {
        var cited = claim.Sources.Select(s => sentenceText[s]).ToList();
        return NumberExtractor.Unsupported(claim.En + " " + claim.Ar, cited)
            .Select(n => new Flag(FlagCodes.UnsupportedNumber, Severities.Error, $"{n.Text} does not occur in the cited sentences {string.Join(", ", claim.Sources)}"))
            .ToList();
    }
}
