using Summarizer.Core.Stages;

namespace Summarizer.Core.Validation;

/// <summary>
/// Where citations are checked: deterministic checks of every stage answer. Errors trigger the one repair call;
/// what is still wrong after it is recorded as failed. Flags (such as unsupported numbers) never trigger a repair.
/// </summary>
public static class StageValidator
{
    /// <summary>Every requested id answered exactly once, no unknown ids, no empty translation.</summary>
    public static IReadOnlyList<string> Translation(IReadOnlyCollection<string> requested, TranslateOutput output)
    {
        var errors = new List<string>();
        var answered = output.Translations.GroupBy(t => t.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var missing = requested.Where(id => !answered.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            errors.Add($"missing translations for {string.Join(", ", missing)}");
        }

        errors.AddRange(answered.Where(a => a.Value.Count > 1).Select(a => $"{a.Key} is translated {a.Value.Count} times; give exactly one"));
        var requestedSet = requested.ToHashSet(StringComparer.Ordinal);
        var unknown = answered.Keys.Where(id => !requestedSet.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add($"unknown ids {string.Join(", ", unknown)}; answer only the ids given");
        }

        errors.AddRange(output.Translations.Where(t => requestedSet.Contains(t.Id) && string.IsNullOrWhiteSpace(t.En)).Select(t => $"{t.Id} has an empty translation"));
        return errors;
    }

    /// <summary>Every claim cites at least one sentence, and only sentences it was given.</summary>
    public static IReadOnlyList<string> Claims(IReadOnlyCollection<string> allowed, IEnumerable<ClaimDraft> claims)
    {
        var set = allowed.ToHashSet(StringComparer.Ordinal);
        var errors = new List<string>();
        var index = 0;
        foreach (var claim in claims)
        {
            index++;
            if (string.IsNullOrWhiteSpace(claim.En))
            {
                errors.Add($"claim {index} has no English text");
            }

            if (claim.Sources.Count == 0)
            {
                errors.Add($"claim {index} cites no sentence");
            }

            var unknown = claim.Sources.Where(s => !set.Contains(s)).ToList();
            if (unknown.Count > 0)
            {
                errors.Add($"claim {index} cites {string.Join(", ", unknown)}, which are not among the given sentences");
            }
        }

        return errors;
    }

    /// <summary>Merge: claims cite article sentences, and every inline citation of the summaries names one.</summary>
    public static IReadOnlyList<string> Merge(IReadOnlyCollection<string> allowed, MergeOutput output)
    {
        var errors = Claims(allowed, output.Claims).ToList();
        var set = allowed.ToHashSet(StringComparer.Ordinal);
        foreach (var (name, text) in new[] { ("summary_en", output.SummaryEn), ("summary_ar", output.SummaryAr) })
        {
            var unknown = Citations.Parse(text).Where(s => !set.Contains(s)).Distinct().ToList();
            if (unknown.Count > 0)
            {
                errors.Add($"{name} cites {string.Join(", ", unknown)}, which are not sentences of this article");
            }
        }

        if (string.IsNullOrWhiteSpace(output.SummaryEn) || string.IsNullOrWhiteSpace(output.HeadlineEn))
        {
            errors.Add("headline_en and summary_en must not be empty");
        }

        return errors;
    }

    /// <summary>Brief: every citation names an existing article and one of its sentences.</summary>
    public static IReadOnlyList<string> Brief(IReadOnlyDictionary<string, IReadOnlySet<string>> sentencesByArticle, BriefOutput output)
    {
        var cited = output.Sections.SelectMany(s => s.Paragraphs).SelectMany(Citations.Parse)
            .Concat(output.Conflicts.SelectMany(c => c.Sources));
        var errors = new List<string>();
        foreach (var source in cited.Distinct(StringComparer.Ordinal))
        {
            var (article, sentence) = Citations.Split(source);
            if (article is null || !sentencesByArticle.TryGetValue(article, out var ids) || !ids.Contains(sentence))
            {
                errors.Add($"citation {source} does not name an article:sentence of this job");
            }
        }

        if (output.Sections.Count == 0)
        {
            errors.Add("the briefing has no sections");
        }

        return errors;
    }
}
