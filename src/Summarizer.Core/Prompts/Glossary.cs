using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Summarizer.Core.Ingest;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Summarizer.Core.Prompts;

/// <summary>
/// The Arabic → English glossary (<c>prompts/glossary.yaml</c>): finds the terms present in Arabic text, so that
/// translate receives them, and checks that a translation uses each term's English rendering.
/// </summary>
public sealed class Glossary
{
    private readonly List<(GlossaryTerm Term, Regex Pattern)> _terms;

    private Glossary(IEnumerable<GlossaryTerm> terms, string sha256)
    {
        Sha256 = sha256;

        // Longest first, so "هارجيت سجان" is found before (and instead of) "سجان" in the same place.
        _terms = terms
            .OrderByDescending(t => t.Ar.Length)
            .Select(t => (t, Pattern(t)))
            .ToList();
    }

    /// <summary>Gets the SHA-256 of the glossary file, or of nothing for an empty glossary.</summary>
    public string Sha256 { get; }

    /// <summary>Gets the number of terms.</summary>
    public int Count => _terms.Count;

    /// <summary>Gets an empty glossary.</summary>
    public static Glossary Empty { get; } = new([], Convert.ToHexStringLower(SHA256.HashData([])));

    /// <summary>Loads <c>glossary.yaml</c> from the prompts folder; a missing file is an empty glossary.</summary>
    public static Glossary Load(string promptsRoot)
    {
        var path = Path.Combine(promptsRoot, "glossary.yaml");
        if (!File.Exists(path))
        {
            return Empty;
        }

        var bytes = File.ReadAllBytes(path);
        var file = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .IgnoreUnmatchedProperties()
            .Build()
            .Deserialize<GlossaryFile>(new StreamReader(new MemoryStream(bytes)));
        return new Glossary(file?.Terms ?? [], Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    /// <summary>Creates a glossary from terms given in code.</summary>
    public static Glossary FromTerms(IEnumerable<GlossaryTerm> terms) => new(terms, "in-memory");

    /// <summary>Returns the terms whose Arabic (or a variant) occurs in the text, each once, in glossary order.</summary>
    public IReadOnlyList<GlossaryTerm> Find(string arabic)
    {
        var folded = ArabicScript.FoldForMatching(arabic);
        var taken = new bool[folded.Length];
        var found = new List<GlossaryTerm>();
        foreach (var (term, pattern) in _terms)
        {
            foreach (Match match in pattern.Matches(folded))
            {
                var core = match.Groups["term"];
                if (taken.AsSpan(core.Index, core.Length).Contains(true))
                {
                    continue;
                }

                taken.AsSpan(core.Index, core.Length).Fill(true);
                if (!found.Contains(term))
                {
                    found.Add(term);
                }
            }
        }

        return found;
    }

    /// <summary>Returns the terms found in the Arabic whose English rendering the translation does not contain.</summary>
    public IReadOnlyList<GlossaryTerm> Missing(string arabic, string english) =>
        Find(arabic).Where(t => !english.Contains(t.En, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>
    /// Matches the term as a whole word, allowing the clitics Arabic attaches in front (و ف ب ل ك and the article).
    /// </summary>
    private static Regex Pattern(GlossaryTerm term)
    {
        var spellings = new[] { term.Ar }.Concat(term.Variants)
            .Select(ArabicScript.FoldForMatching)
            .Select(s => Regex.Escape(s).Replace(@"\ ", @"\s+", StringComparison.Ordinal));
        return new Regex(
            $@"(?<![\p{{L}}\p{{M}}])(?:[وف]?[بلك]?(?:ال)?)(?<term>{string.Join('|', spellings)})(?![\p{{L}}\p{{M}}])",
            RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));
    }

    private sealed class GlossaryFile
    {
        public List<GlossaryTerm> Terms { get; set; } = [];
    }
}
