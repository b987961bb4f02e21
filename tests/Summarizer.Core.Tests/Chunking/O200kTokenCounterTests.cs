using Summarizer.Core.Chunking;

namespace Summarizer.Core.Tests.Chunking;

public class O200kTokenCounterTests
{
    private readonly O200kTokenCounter _counter = new();

    [Fact]
    public void Counts_with_the_o200k_base_vocabulary()
    {
        Assert.Equal("o200k_base", _counter.EncodingName);
        Assert.Equal(2, _counter.Count("hello world"));
        Assert.Equal(0, _counter.Count(string.Empty));
    }

    [Fact]
    public void Counts_more_tokens_for_longer_arabic_text()
    {
        var one = _counter.Count("أعلنت الحكومة خطة جديدة.");
        var two = _counter.Count("أعلنت الحكومة خطة جديدة. وقال الوزير إن الخطة تبدأ قريبا.");

        Assert.InRange(one, 3, 20);
        Assert.True(two > one);
    }
}
