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

        Assert.Contains("present: v1, v2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_prompt_file_from_v2_on_is_semantic_kernel_prompt_yaml_and_round_trips_through_its_reader()
    {
        var library = Library(Path.Combine(RepositoryPaths.Root, "prompts"));
        var kernel = new Microsoft.SemanticKernel.Kernel();

        foreach (var stage in StageNames.All)
        {
            foreach (var version in library.Versions(stage).Where(v => v >= 2))
            {
                var path = Path.Combine(RepositoryPaths.Root, "prompts", stage, $"v{version}.yaml");
                // The reader SK's KernelFunctionYaml uses: unknown keys refused, settings keyed by service id.
                var config = PromptYaml.Parse(File.ReadAllText(path));
                Assert.Equal(stage, config.Name);
                Assert.Equal(["default", "reasoning"], config.ExecutionSettings.Keys.Order());
                Assert.NotNull(config.OutputVariable);
                var loaded = library.Load(stage, version);
                Assert.Equal(config.Template, loaded.Config.Template);
                Assert.Equal(config.InputVariables.Select(v => v.Name), loaded.Config.InputVariables.Select(v => v.Name));
                // A kernel function made from it renders with every input variable given.
                var function = Microsoft.SemanticKernel.KernelFunctionFactory.CreateFromPrompt(loaded.Config);
                Assert.Equal(stage, function.Name);
                var arguments = new Microsoft.SemanticKernel.KernelArguments();
                foreach (var variable in config.InputVariables)
                {
                    arguments[variable.Name] = "[]";
                }

                Assert.True(new Microsoft.SemanticKernel.KernelPromptTemplateFactory().TryCreate(loaded.Config, out var template));
                var rendered = await template!.RenderAsync(kernel, arguments);
                Assert.Contains("<message role=\"user\">", rendered, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_first_format_is_not_semantic_kernel_prompt_yaml_but_still_loads_with_the_same_template_and_settings()
    {
        var library = Library(Path.Combine(RepositoryPaths.Root, "prompts"));

        foreach (var stage in StageNames.All)
        {
            var v1 = library.Load(stage, 1);
            var v2 = library.Load(stage, 2);

            // SK's reader refuses the top-level version key, as KernelFunctionYaml.FromPromptYaml does.
            Assert.Throws<YamlDotNet.Core.YamlException>(() => PromptYaml.Parse(File.ReadAllText(v1.Path)));
            Assert.Equal(v1.Config.Template, v2.Config.Template);
            Assert.Equal(v1.Settings, v2.Settings);
        }
    }

    [Fact]
    public void Reasoning_settings_overlay_the_default_entry_and_drop_the_temperature()
    {
        Write("merge/v3.yaml", "name: merge\ntemplate: only {{$title}}\ninput_variables:\n  - name: title\nexecution_settings:\n  default:\n    temperature: 0.3\n    max_tokens: 900\n  reasoning:\n    reasoning_effort: high\n");

        var prompt = Library(_folder.Path).Load("merge", 3);

        Assert.Equal(new PromptSettings(0.3, 900, null), prompt.Settings);
        Assert.Equal(new PromptSettings(null, 900, "high"), prompt.For("reasoning"));
    }

    [Theory]
    [InlineData("version: 3\n", "says version 3")]
    [InlineData("execution_settings:\n  temperature: 0\n", "not a Semantic Kernel prompt file")]
    [InlineData("execution_settings:\n  default:\n    temprature: 0\n", "execution_settings.default.temprature is not a setting")]
    [InlineData("execution_settings:\n  reasoning:\n    max_tokens: 10\n", "has no 'default' entry")]
    [InlineData("execution_settings:\n  default:\n    max_tokens: lots\n", "max_tokens 'lots' is not a number")]
    [InlineData("extra_key: 1\n", "not a Semantic Kernel prompt file")]
    public void A_file_that_semantic_kernel_would_misread_is_refused_with_the_reason(string tail, string reason)
    {
        Write("translate/v2.yaml", "name: translate\ntemplate: x {{$title}}\ninput_variables:\n  - name: title\n" + tail);

        var error = Assert.Throws<PromptException>(() => Library(_folder.Path).Load("translate", 2));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
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
