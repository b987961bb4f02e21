using Summarizer.Core.Quality;

namespace Summarizer.Core.Tests.Quality;

public class QaChecksTests
{
    [Fact]
    public void A_faithful_translation_raises_nothing()
    {
        Assert.Empty(QaChecks.Sentence("a", "s1", "نشرت كندا 850 جنديا في العراق.", "Canada deployed 850 soldiers in Iraq."));
    }

    [Theory]
    [InlineData("بلغ التمويل 1.39 مليار دولار.", "Funding reached 1.93 billion dollars.", "missing in English: 1.39; not in the Arabic: 1.93")]
    [InlineData("نحو ٣٥ ألف زائر.", "About 53,000 visitors.", "missing in English: 35; not in the Arabic: 53,000")]
    public void Numbers_that_differ_are_errors(string ar, string en, string message)
    {
        var finding = Assert.Single(QaChecks.Sentence("a", "s1", ar, en));

        Assert.Equal((QaChecks.NumberMismatch, "error", message), (finding.Check, finding.Severity, finding.Message));
    }

    [Fact]
    public void Scaled_numbers_written_either_way_match()
    {
        Assert.Empty(QaChecks.Sentence("a", "s1", "درب أكثر من 120 ألف فرد.", "It trained more than 120,000 people."));
    }

    [Theory]
    [InlineData("شاركت سبعة عشر دولة في الاجتماع.", "17 countries took part in the meeting.")]
    [InlineData("شاركت 17 دولة في الاجتماع.", "Seventeen countries took part in the meeting.")]
    public void A_number_written_in_words_on_one_side_and_digits_on_the_other_matches(string ar, string en)
    {
        Assert.Empty(QaChecks.Sentence("a", "s1", ar, en));
    }

    [Fact]
    public void Arabic_left_in_the_english_is_an_error()
    {
        var finding = Assert.Single(QaChecks.Sentence("a", "s1", "زار الوزير أربيل.", "The minister visited أربيل."));

        Assert.Equal(QaChecks.ArabicInEnglish, finding.Check);
        Assert.Contains("أربيل", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("زار الوزير أربيل.")]
    public void Empty_or_copied_translations_are_untranslated(string en)
    {
        Assert.Equal(QaChecks.Untranslated, Assert.Single(QaChecks.Sentence("a", "s1", "زار الوزير أربيل.", en)).Check);
    }

    [Fact]
    public void Repeated_words_and_unbalanced_marks_are_warnings()
    {
        var findings = QaChecks.Sentence("a", "s1", "قال الوزير إن المهمة مستمرة.", "The the minister said (the mission “continues.").ToList();

        Assert.Equal([QaChecks.RepeatedWord, QaChecks.Unbalanced, QaChecks.Unbalanced], findings.Select(f => f.Check));
        Assert.All(findings, f => Assert.Equal("warning", f.Severity));
    }
}
