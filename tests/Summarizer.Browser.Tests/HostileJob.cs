using System.Text.Json.Nodes;
using Summarizer.Core.Jobs;
using Summarizer.Testing;

namespace Summarizer.Browser.Tests;

/// <summary>
/// A job whose article and whose model answers both carry markup meant to run (<c>&lt;script&gt;</c>, <c>onerror=</c>),
/// run through the real OpenAI client against the loopback server; one translation gets a wrong number, so its row is
/// flagged.
/// </summary>
public sealed class HostileJob : IAsyncLifetime, IDisposable
{
    /// <summary>Markup in the article: a reader must see it as text.</summary>
    public const string ArticleMarkup = "<script>alert('article')</script><img src=x onerror=\"alert('article-img')\">";

    /// <summary>Markup in the article's headline, which also reaches the model's headline and the briefing's headings.</summary>
    public const string TitleMarkup = "<svg onload=alert('title')>";

    /// <summary>Markup in the model's answers.</summary>
    public const string ModelMarkup = "<img src=x onerror=alert('model')><script>alert('model-script')</script>";

    /// <summary>The article id (from its file name).</summary>
    public const string Article = "hostile-article";

    private readonly TempFolder _input = new();
    private readonly TempFolder _output = new();

    /// <summary>Gets the job's folder.</summary>
    public string Directory { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var article = _input.Write(Article + ".txt", string.Join('\n',
            "اجتماع وزراء النقل في العاصمة " + TitleMarkup,
            // Inside the sentence: a line ending in markup, unpunctuated, reads as a headline to the page-layout rules.
            "عقد وزراء النقل اجتماعا في العاصمة " + ArticleMarkup + " لبحث مشروع السكك الحديدية الجديد.",
            "وقال الوزير إن كلفة المشروع تبلغ 850 مليون دولار وإن العمل سيبدأ العام المقبل.",
            "وأضاف أن المشروع سيوفر نحو 1200 فرصة عمل للشباب في المنطقة."));
        await using var server = await LoopbackOpenAiServer.StartAsync();
        server.Override = request => request.Stage == "translate" ? FakeModelReply.Content(Translate(request.Input)) : null;
        var result = await LoopbackJob.RunAsync(LoopbackJob.OpenAIServices(server, _output.Path), article);
        Directory = result.JobDirectory;
    }

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public void Dispose()
    {
        _input.Dispose();
        _output.Dispose();
    }

    /// <summary>Gets the path of the article's side-by-side page.</summary>
    public string SideBySide => Path.Combine(Directory, "articles", Article, "side-by-side.html");

    /// <summary>Gets the path of a file in the job folder.</summary>
    public string File(string name) => Path.Combine(Directory, name);

    /// <summary>Translates each sentence with the model's markup and its numbers, except 850, which comes back as 580.</summary>
    private static string Translate(JsonObject input)
    {
        var translations = new JsonArray();
        foreach (var sentence in (input["sentences"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var ar = sentence["ar"]!.GetValue<string>();
            var en = ar.Contains("850", StringComparison.Ordinal)
                ? "The minister said the project costs 580 million dollars and work starts next year."
                : $"Translated sentence {sentence["id"]} {ModelMarkup}" + (ar.Contains("1200", StringComparison.Ordinal) ? " about 1200 jobs." : ".");
            translations.Add(new JsonObject { ["id"] = sentence["id"]!.GetValue<string>(), ["en"] = en });
        }

        return new JsonObject { ["translations"] = translations }.ToJsonString(FakeModel.Literal);
    }
}
