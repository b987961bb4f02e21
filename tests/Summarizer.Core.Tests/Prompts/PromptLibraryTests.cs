using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Summarizer.Core.Planning;
using Summarizer.Core.Prompts;
using Summarizer.Testing;

namespace Summarizer.Core.Tests.Prompts;

public sealed class PromptLibraryTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Loads_every_published_v1_prompt_with_its_file_hash()
    {
        var library = Library(Path.Combine(RepositoryPaths.Root, "prompts"));

        foreach (var stage in StageNames.All)
        {
            var prompt = library.Load(stage, 1);
            Assert.Equal(stage, prompt.Config.Name);
            Assert.Equal("v1", prompt.VersionLabel);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(prompt.Path))), prompt.Sha256);
            Assert.Contains("<message role=\"system\">", prompt.Config.Template, StringComparison.Ordinal);
            Assert.All(prompt.Config.InputVariables, v => Assert.False(v.AllowDangerouslySetContent));
        }
    }

    [Fact]
    public void A_missing_version_names_the_versions_present()
    {
        var error = Assert.Throws<PromptException>(() => Library(Path.Combine(RepositoryPaths.Root, "prompts")).Load("summarize", 9));

        Assert.Contains("present: v1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_whose_name_or_version_disagrees_with_its_path_is_refused()
    {
        Write("translate/v2.yaml", "name: translate\nversion: 3\ntemplate: x {{$title}}\ninput_variables:\n  - name: title\n");

        var error = Assert.Throws<PromptException>(() => Library(_folder.Path).Load("translate", 2));

        Assert.Contains("version 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_declared_variable_missing_from_the_template_is_refused()
    {
        Write("merge/v1.yaml", "name: merge\nversion: 1\ntemplate: only {{$title}}\ninput_variables:\n  - name: title\n  - name: claims\n");

        Assert.Contains("'claims' is not used", Assert.Throws<PromptException>(() => Library(_folder.Path).Load("merge", 1)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_configured_version_defaults_to_the_latest_file()
    {
        Write("brief/v1.yaml", "x");
        Write("brief/v2.yaml", "x");
        Write("brief/v10.yaml", "x");

        Assert.Equal(10, Library(_folder.Path).ConfiguredVersion("brief"));
        Assert.Equal([1, 2, 10], Library(_folder.Path).Versions("brief"));
    }

    private void Write(string relative, string text) => _folder.Write(relative, text);

    private static PromptLibrary Library(string root) => new(Options.Create(new PromptOptions { Root = root }));
}
