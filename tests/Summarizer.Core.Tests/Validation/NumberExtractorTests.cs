using Summarizer.Core.Validation;

namespace Summarizer.Core.Tests.Validation;

public class NumberExtractorTests
{
    [Theory]
    [InlineData("بلغ التمويل 1.39 مليار دولار", "1.39 billion dollars")]
    [InlineData("أكثر من 120 ألف فرد", "more than 120,000 people")]
    [InlineData("نحو ٣٥ ألف زائر", "about 35,000 visitors")]
    [InlineData("نحو ۳۵ ألف زائر", "about 35 thousand visitors")]
    [InlineData("بنسبة ١٢٫٥ بالمئة", "by 12.5 percent")]
    [InlineData("مبلغ ١٬٢٠٠ دينار", "1,200 dinars")]
    [InlineData("4 مليارات دولار", "4 billion dollars")]
    [InlineData("منذ عام 2014", "since 2014")]
    public void A_claim_number_is_supported_by_the_same_quantity_in_arabic(string arabic, string english)
    {
        Assert.Empty(NumberExtractor.Unsupported(english, [arabic]));
    }

    [Theory]
    [InlineData("بلغ التمويل 1.39 مليار دولار", "1.93 billion dollars", "1.93")]
    [InlineData("نشرت 850 جنديا", "deployed 580 soldiers", "580")]
    [InlineData("في عام 2014", "in 2015", "2015")]
    public void A_number_absent_from_the_sources_is_unsupported(string arabic, string english, string unsupported)
    {
        Assert.Equal(unsupported, Assert.Single(NumberExtractor.Unsupported(english, [arabic])).Text);
    }

    [Fact]
    public void Citation_markers_and_ids_are_not_numbers()
    {
        Assert.Empty(NumberExtractor.Extract("The plant opened [s4,s5] as s12 said [a-1:s3]."));
    }

    [Fact]
    public void Extracts_value_and_scaled_value()
    {
        var mention = Assert.Single(NumberExtractor.Extract("4.3 مليار جنيه"));

        Assert.Equal((4.3m, 4_300_000_000m), (mention.Value, mention.Scaled));
    }

    [Theory]
    [InlineData("قتل سبعة عشر شخصا", "17 people were killed")]
    [InlineData("قتل سَبْعَةَ عَشَرَ شخصا", "17 people were killed")]
    [InlineData("نحو خمسة وعشرين ألف زائر", "about 25,000 visitors")]
    [InlineData("بلغ عددهم ثلاثمئة", "they numbered 300")]
    [InlineData("مئتين وخمسين متطوعا", "250 volunteers")]
    [InlineData("أحد عشر يوما", "11 days")]
    [InlineData("نشرت 17 جنديا", "deployed seventeen soldiers")]
    [InlineData("تكلفة 25 ألف دولار", "a cost of twenty-five thousand dollars")]
    [InlineData("في 105 مواقع", "in one hundred and five places")]
    public void A_number_in_digits_is_supported_by_the_same_number_in_words(string arabic, string english)
    {
        Assert.Empty(NumberExtractor.Unsupported(english, [arabic]));
        Assert.Empty(NumberExtractor.Unsupported(arabic, [english]));
    }

    [Theory]
    [InlineData("قتل سبعة عشر شخصا", "71 people were killed", "71")]
    [InlineData("نشرت 17 جنديا", "deployed seventy soldiers", "17")]
    public void Numbers_in_words_do_not_support_a_different_number(string arabic, string english, string unsupported)
    {
        var missing = NumberExtractor.Unsupported(english, [arabic]).Concat(NumberExtractor.Unsupported(arabic, [english]));

        Assert.Equal(unsupported, Assert.Single(missing).Text);
    }

    [Theory]
    [InlineData("بين خمسة وستة أشخاص", new[] { 5.0, 6.0 })]
    [InlineData("between five and six people", new[] { 5.0, 6.0 })]
    [InlineData("between two and three million", new[] { 2.0, 3_000_000.0 })]
    [InlineData("killed five. Seven others", new[] { 5.0, 7.0 })]
    [InlineData("ثلاثة، أربعة", new[] { 3.0, 4.0 })]
    [InlineData("يستقطب آلاف الزوار وملايين الدولارات", new double[0])]
    [InlineData("ثلاثة آلاف زائر", new[] { 3_000.0 })]
    [InlineData("ألف مليون دولار", new[] { 1_000_000_000.0 })]
    [InlineData("ثلاثة عشر وعشرون", new[] { 13.0, 20.0 })]
    [InlineData("one hundred and five", new[] { 105.0 })]
    [InlineData("بخمسة وعشرين", new[] { 25.0 })]
    public void Separate_numbers_in_words_stay_separate_and_plural_magnitudes_alone_are_not_numbers(string text, double[] values)
    {
        Assert.Equal(values.Select(v => (decimal)v), SpelledNumbers.Extract(text).Select(m => m.Value));
    }

    [Fact]
    public void Numbers_in_words_are_never_required()
    {
        Assert.Empty(NumberExtractor.Unsupported("وصلوا في آن واحد مع سبعة وفود", ["They arrived at once with the delegations."]));
        Assert.Equal([(17m, "سبعة عشر"), (1_000_000m, "مليون")], SpelledNumbers.Extract("سبعة عشر ثم مليون").Select(m => (m.Value, m.Text)));
    }
}
