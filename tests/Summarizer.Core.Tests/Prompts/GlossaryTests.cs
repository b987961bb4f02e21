using Summarizer.Core.Prompts;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Prompts;

public class GlossaryTests
{
    private readonly Glossary _glossary = Glossary.Load(Path.Combine(RepositoryPaths.Root, "prompts"));

    [Fact]
    public void Finds_terms_with_attached_clitics_and_spelling_variants()
    {
        var found = _glossary.Find("وأكد الاعرجي أن لداعش خلايا، وقالت قوات البيشمركة في أربيل");

        Assert.Equal(["Erbil", "ISIS", "Peshmerga", "al-Araji"], found.Select(t => t.En).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Prefers_the_full_name_over_the_surname_alone()
    {
        var found = _glossary.Find("أكد وزير الدفاع هارجيت سجان");

        Assert.Equal(["Harjit Sajjan"], found.Select(t => t.En));
    }

    [Fact]
    public void Does_not_match_inside_a_longer_word()
    {
        Assert.Empty(Glossary.FromTerms([new GlossaryTerm { Ar = "شادر", En = "Shader" }]).Find("الشادرات الكبيرة"));
    }

    [Fact]
    public void Reports_terms_whose_english_rendering_is_missing()
    {
        var missing = _glossary.Missing("بحث الأعرجي مع السفير في أربيل", "Al-Araji met the ambassador in Arbil.");

        Assert.Equal(["Erbil"], missing.Select(t => t.En));
    }
}
