using System.Text.Json.Nodes;
using Summarizer.Core.Ingest;
using Summarizer.Core.Validation;

namespace Summarizer.Testing;

/// <summary>
/// A deterministic stand-in for a model: answers each stage from the ids and text in its input, keeping numbers and
/// glossary names, so that a correct client gets valid, checkable answers. It knows no Arabic; it is a protocol peer.
/// </summary>
public static class FakeModel
{
    /// <summary>A model writes Arabic as Arabic inside its JSON, not as \u escapes (which would triple its token count).</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Literal = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Answers a stage input with valid JSON.</summary>
    public static string Answer(string stage, JsonObject input) => stage switch
    {
        "translate" => Translate(input),
        "summarize" => Summarize(input),
        "merge" => Merge(input),
        "brief" => Brief(input),
        _ => throw new InvalidOperationException($"unknown stage {stage}"),
    };

    /// <summary>The English the fake gives a sentence: its id, its numbers and the glossary English of its terms.</summary>
    public static string EnglishFor(string id, string arabic, JsonArray glossary)
    {
        var numbers = NumberExtractor.Extract(arabic).Select(n => n.Text);
        var folded = ArabicScript.FoldForMatching(arabic);
        var names = glossary.OfType<JsonObject>()
            .Where(g => folded.Contains(ArabicScript.FoldForMatching(g["ar"]!.GetValue<string>()), StringComparison.Ordinal))
            .Select(g => g["en"]!.GetValue<string>());
        return $"Sentence {id} translated" + string.Concat(numbers.Concat(names).Select(x => " " + x)) + ".";
    }

    private static string Translate(JsonObject input)
    {
        var glossary = input["glossary"] as JsonArray ?? [];
        var translations = new JsonArray();
        foreach (var sentence in Items(input, "sentences"))
        {
            var id = Text(sentence, "id");
            translations.Add(new JsonObject { ["id"] = id, ["en"] = EnglishFor(id, Text(sentence, "ar"), glossary) });
        }

        return new JsonObject { ["translations"] = translations }.ToJsonString(Literal);
    }

    private static string Summarize(JsonObject input)
    {
        var claims = new JsonArray();
        foreach (var sentence in Items(input, "sentences"))
        {
            var id = Text(sentence, "id");
            var ar = Text(sentence, "ar");
            var numbers = string.Concat(NumberExtractor.Extract(ar).Select(n => " " + n.Text));
            claims.Add(new JsonObject { ["en"] = $"Claim from {id}{numbers}.", ["ar"] = ar.Length > 40 ? ar[..40] : ar, ["sources"] = new JsonArray(id) });
        }

        return new JsonObject { ["claims"] = claims }.ToJsonString(Literal);
    }

    private static string Merge(JsonObject input)
    {
        var claims = Items(input, "claims").ToList();
        var summary = string.Join(' ', claims.Take(3).Select(c => $"{Text(c, "en").TrimEnd('.')} [{string.Join(",", Sources(c))}]."));
        return new JsonObject
        {
            ["headline_en"] = "Headline: " + Text(input, "title"),
            ["headline_ar"] = Text(input, "title"),
            ["summary_en"] = summary,
            ["summary_ar"] = summary,
            ["claims"] = new JsonArray(claims.Select(c => (JsonNode)new JsonObject
            {
                ["en"] = Text(c, "en"),
                ["ar"] = Text(c, "ar"),
                ["sources"] = new JsonArray(Sources(c).Select(s => (JsonNode)JsonValue.Create(s)!).ToArray()),
            }).ToArray()),
        }.ToJsonString(Literal);
    }

    private static string Brief(JsonObject input)
    {
        var sections = new JsonArray();
        foreach (var article in Items(input, "articles"))
        {
            var id = Text(article, "article");
            var paragraph = string.Join(' ', Items(article, "claims").Select(c => $"{Text(c, "en").TrimEnd('.')} [{string.Join(",", Sources(c).Select(s => $"{id}:{s}"))}]."));
            sections.Add(new JsonObject { ["heading"] = Text(article, "headline_en"), ["paragraphs"] = new JsonArray(paragraph) });
        }

        return new JsonObject { ["title"] = "Fake briefing", ["sections"] = sections, ["conflicts"] = new JsonArray() }.ToJsonString(Literal);
    }

    private static IEnumerable<JsonObject> Items(JsonObject input, string name) => (input[name] as JsonArray ?? []).OfType<JsonObject>();

    private static IEnumerable<string> Sources(JsonObject claim) => (claim["sources"] as JsonArray ?? []).Select(s => s!.GetValue<string>());

    private static string Text(JsonObject item, string name) => item[name]?.GetValue<string>() ?? string.Empty;
}
