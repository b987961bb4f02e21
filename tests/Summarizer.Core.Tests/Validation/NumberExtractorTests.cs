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
}
