using Summarizer.Core.Chunking;
using Summarizer.Core.Tokens;

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

    [Fact]
    public void Counts_ordinary_text_exactly_as_the_tokenizer_does()
    {
        var text = new Summarizer.Testing.SyntheticArabic(3).Article(2000);
        var tokenizer = Microsoft.ML.Tokenizers.TiktokenTokenizer.CreateForEncoding("o200k_base");

        Assert.Equal(tokenizer.CountTokens(text), _counter.Count(text));
    }

    [Fact]
    public async Task Counts_a_run_without_white_space_in_linear_time_and_never_under_the_exact_count()
    {
        // 100,000 glued letters: counted whole, byte-pair merging would take minutes.
        var run = string.Concat(Enumerable.Repeat("كلمة😀", 100_000 / 6));
        var tokenizer = Microsoft.ML.Tokenizers.TiktokenTokenizer.CreateForEncoding("o200k_base");

        var count = await Summarizer.Testing.TimeBound.WithinAsync(() => Task.FromResult(_counter.Count(run)));

        var exactForAPart = tokenizer.CountTokens(run.AsSpan(0, 6_000));
        Assert.InRange(count, exactForAPart * (run.Length / 6_000), exactForAPart * (run.Length / 6_000) * 2);
        Assert.True(_counter.Count(run.AsSpan(0, 6_000)) >= exactForAPart);
    }
}
