using Summarizer.Core.Quality;

namespace Summarizer.Core.Tests.Quality;

public class NameVariantsTests
{
    [Theory]
    [InlineData("قاسم الأعرجي", "Qasim al-Araji")]
    [InlineData("الاعرجي", "Al-Aaraji's")]
    [InlineData("هارجيت سجان", "Harjit Sajjan")]
    [InlineData("هاميش فالكونر", "Hamish Falconer")]
    [InlineData("البيشمركة", "Peshmerga")]
    [InlineData("إمباكت", "IMPACT")]
    [InlineData("بالموصل", "Mosul")]
    [InlineData("الشيباني", "ash-Shaibani")]
    public void Arabic_names_and_their_transliterations_share_a_skeleton(string arabic, string english)
    {
        var pairs = arabic.Split(' ').Zip(english.Split(' '));

        Assert.All(pairs, p => Assert.Contains(NameTransliteration.Latin(p.Second), NameTransliteration.Arabic(p.First).Select(r => r.Skeleton)));
    }

    [Theory]
    [InlineData("أربيل", "Mosul")]
    [InlineData("سجان", "Sinjar")]
    [InlineData("كندا", "Kurdistan")]
    public void Different_names_do_not_share_a_skeleton(string arabic, string english)
    {
        Assert.DoesNotContain(NameTransliteration.Latin(english), NameTransliteration.Arabic(arabic).Select(r => r.Skeleton));
    }

    [Fact]
    public void A_word_that_only_looks_like_a_conjunction_and_article_is_also_read_as_written()
    {
        Assert.Equal(["كونر", "فالكونر"], NameTransliteration.Arabic("فالكونر").Select(r => r.Form));
        Assert.Equal(["موصل", "بالموصل"], NameTransliteration.Arabic("بالموصل").Select(r => r.Form));
    }

    [Fact]
    public void A_name_is_aligned_whole_and_word_by_word()
    {
        var aligned = NameVariants.Align("التقى وزير الداخلية قاسم الأعرجي بالسفير في بغداد.", "Interior Minister Qasim al-Araji met the ambassador in Baghdad.");

        Assert.Contains(("قاسم اعرجي", "Qasim al-Araji"), aligned);
        Assert.Contains(("قاسم", "Qasim"), aligned);
        Assert.Contains(("اعرجي", "al-Araji"), aligned);
        Assert.Contains(("بغداد", "Baghdad"), aligned);
        Assert.DoesNotContain(aligned, a => a.English.StartsWith("Interior", StringComparison.Ordinal));
    }

    [Fact]
    public void A_name_rendered_two_ways_across_articles_is_flagged_where_it_departs_from_the_usual_rendering()
    {
        var findings = NameVariants.Check(
        [
            ("a", "s1", "قال قاسم الأعرجي إن المهمة مستمرة.", "Qasim al-Araji said the mission continues."),
            ("a", "s4", "وأضاف الأعرجي أن التدريب انتهى.", "Al-Araji added that the training had ended."),
            ("b", "s2", "استقبل قاسم الأعرجي الوفد.", "Qasim al-Araji received the delegation."),
            ("b", "s7", "وشكر قاسم الأعرجي كندا.", "Qassim al-Aaraji thanked Canada."),
        ]).ToList();

        var finding = Assert.Single(findings);
        Assert.Equal(("b", "s7", NameVariants.Code, "warning"), (finding.Article, finding.Item, finding.Check, finding.Severity));
        Assert.Equal("قاسم اعرجي is \"Qassim al-Aaraji\" here but \"Qasim al-Araji\" in 2 other sentence(s): a:s1, b:s2", finding.Message);
    }

    [Fact]
    public void A_rendering_from_the_translation_memory_is_the_reference_even_when_the_model_s_rendering_is_more_common()
    {
        (string, string, string, string)[] sentences =
        [
            ("a", "s1", "قال قاسم الأعرجي إن المهمة مستمرة.", "Qassim al-Aaraji said the mission continues."),
            ("b", "s2", "استقبل قاسم الأعرجي الوفد.", "Qassim al-Aaraji received the delegation."),
            ("b", "s7", "وشكر قاسم الأعرجي كندا.", "Qasim al-Araji thanked Canada."),
        ];

        var byMajority = Assert.Single(NameVariants.Check(sentences));
        var byMemory = NameVariants.Check(sentences, new HashSet<(string, string)> { ("b", "s7") }).ToList();

        Assert.Equal("s7", byMajority.Item);
        Assert.Equal(["a:s1", "b:s2"], byMemory.Select(f => $"{f.Article}:{f.Item}"));
        Assert.All(byMemory, f => Assert.Equal("warning", f.Severity));
        Assert.EndsWith("but \"Qasim al-Araji\" in the translation memory or a reviewer's English (1 sentence(s): b:s7)", byMemory[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_first_name_alone_is_checked_against_the_same_name_inside_a_full_name()
    {
        var findings = NameVariants.Check(
        [
            ("a", "s1", "قال هارجيت سجان إن كندا باقية.", "Harjit Sajjan said Canada would stay."),
            ("a", "s2", "وزار هارجيت أربيل.", "Harjeet visited Erbil."),
        ]).ToList();

        Assert.Equal("s2", Assert.Single(findings).Item);
        Assert.Contains("\"Harjeet\" here but \"Harjit\"", findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rendering_that_differs_only_by_the_article_is_a_note()
    {
        var finding = Assert.Single(NameVariants.Check(
        [
            ("a", "s1", "في رأس النخيل.", "In Ras al-Nakheel."),
            ("a", "s2", "في رأس النخيل.", "In Ras al-Nakheel."),
            ("b", "s1", "في واحة النخيل.", "In the Nakheel Oasis."),
        ]));

        Assert.Equal(("b", "s1", "note"), (finding.Article, finding.Item, finding.Severity));
    }

    [Fact]
    public void Short_names_and_common_words_with_the_same_consonants_are_not_matched()
    {
        var findings = NameVariants.Check(
        [
            ("a", "s1", "قدم الوفد من اليمن.", "The delegation came from Yemen."),
            ("a", "s2", "وصل الوزير من عمان.", "The minister arrived from Amman."),
            ("a", "s3", "التقى الوزير قبل الاجتماع بين الوفدين.", "The minister met Kabul's envoy before the meeting, Ben said."),
        ]);

        Assert.Empty(findings);
        Assert.DoesNotContain(NameVariants.Align("قدم الوفد من اليمن.", "The delegation came from Yemen."), a => a.Arabic == "من");
    }

    [Fact]
    public void A_country_and_its_adjective_are_one_rendering()
    {
        var findings = NameVariants.Check(
        [
            ("a", "s1", "أعلنت قطر الاتفاق.", "Qatar announced the agreement."),
            ("a", "s2", "نجحت وساطة قطر.", "Qatari mediation succeeded."),
            ("b", "s1", "قال العراق إن الحدود آمنة.", "Iraq said the border was safe."),
            ("b", "s2", "أكد العراق ذلك.", "Iraqi officials confirmed it."),
        ]);

        Assert.Empty(findings);
    }

    [Fact]
    public void Consistent_names_and_capitalisation_at_the_start_of_a_sentence_raise_nothing()
    {
        var findings = NameVariants.Check(
        [
            ("a", "s1", "وصل الأعرجي إلى أربيل.", "al-Araji arrived in Erbil."),
            ("a", "s2", "الأعرجي في أربيل.", "Al-Araji is in Erbil."),
            ("b", "s1", "عادت قوات البيشمركة إلى سنجار.", "Peshmerga forces returned to Sinjar."),
            ("b", "s2", "قوات البيشمركة تتقدم.", "The Peshmerga's forces advance."),
        ]);

        Assert.Empty(findings);
    }
}
