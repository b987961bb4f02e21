using Summarizer.Core.Validation;

namespace Summarizer.Core.Tests.Validation;

public class CitationsTests
{
    [Fact]
    public void Parses_single_multiple_and_article_qualified_citations()
    {
        Assert.Equal(["s4", "s4", "s5", "a-1:s3", "b:s7"], Citations.Parse("One [s4]. Two [s4, s5]. Three [a-1:s3,b:s7]."));
    }

    [Fact]
    public void Ignores_brackets_that_are_not_citations()
    {
        Assert.Empty(Citations.Parse("A [note] and [1] and [s] and [x4]."));
    }

    [Fact]
    public void Splits_article_and_sentence()
    {
        Assert.Equal(("news-2", "s14"), Citations.Split("news-2:s14"));
        Assert.Equal(((string?)null, "s3"), Citations.Split("s3"));
    }
}
