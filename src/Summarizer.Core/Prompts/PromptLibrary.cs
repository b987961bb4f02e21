using Summarizer.Core.Files;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Summarizer.Core.Planning;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Summarizer.Core.Prompts;

/// <summary>
/// Reads versioned prompt files (<c>prompts/&lt;stage&gt;/v&lt;N&gt;.yaml</c>) into Semantic Kernel prompt configs.
/// Every input variable is declared as plain text: values are JSON data, and Semantic Kernel encodes them so that
/// nothing in an article can open a new chat message or be evaluated as template syntax.
/// </summary>
public sealed class PromptLibrary(IOptions<PromptOptions> options)
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>Gets the prompts folder in use.</summary>
    public string Root { get; } = ResolveRoot(options.Value.Root);

    /// <summary>Gets the lock of published versions (<c>prompts.lock</c> in the prompts folder).</summary>
    public PromptLock Lock => _lock ??= new PromptLock(System.IO.Path.Combine(Root, "prompts.lock"));

    private PromptLock? _lock;

    /// <summary>Records a loaded prompt as published (a job used it); from then on its file must not change.</summary>
    public void Publish(StagePrompt prompt) => Lock.Publish(prompt.Stage, prompt.Version, prompt.Sha256);

    /// <summary>
    /// Writes the next version of a stage as a copy of the latest one (name and version updated) and returns its path.
    /// Nothing is locked until a job uses it.
    /// </summary>
    public string CreateNext(string stage)
    {
        var versions = Versions(stage);
        if (versions.Count == 0)
        {
            throw new PromptException($"no published version of {stage} to copy in {System.IO.Path.Combine(Root, stage)}");
        }

        var latest = versions[^1];
        var next = latest + 1;
        var source = System.IO.Path.Combine(Root, stage, $"v{latest.ToString(CultureInfo.InvariantCulture)}.yaml");
        var target = System.IO.Path.Combine(Root, stage, $"v{next.ToString(CultureInfo.InvariantCulture)}.yaml");
        var text = File.ReadAllText(source);
        text = System.Text.RegularExpressions.Regex.Replace(
            text, @"^version:\s*\d+\s*$", $"version: {next.ToString(CultureInfo.InvariantCulture)}", System.Text.RegularExpressions.RegexOptions.Multiline);
        AtomicFile.WriteAllText(target, text);
        return target;
    }

    /// <summary>Returns the version configured for a stage, or the latest published one when none is configured.</summary>
    public int ConfiguredVersion(string stage) =>
        options.Value.Versions.TryGetValue(stage, out var version) ? version : Versions(stage).DefaultIfEmpty(1).Max();

    /// <summary>Lists the versions present for a stage, ascending.</summary>
    public IReadOnlyList<int> Versions(string stage)
    {
        var folder = System.IO.Path.Combine(Root, stage);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder, "v*.yaml")
            .Select(f => System.IO.Path.GetFileNameWithoutExtension(f)[1..])
            .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1)
            .Where(n => n > 0)
            .Order()
            .ToList();
    }

    /// <summary>Loads one prompt version.</summary>
    /// <exception cref="PromptException">The file is missing or invalid.</exception>
    public StagePrompt Load(string stage, int version)
    {
        if (!StageNames.All.Contains(stage))
        {
            throw new PromptException($"unknown stage '{stage}' (stages: {string.Join(", ", StageNames.All)})");
        }

        var path = System.IO.Path.Combine(Root, stage, $"v{version.ToString(CultureInfo.InvariantCulture)}.yaml");
        if (!File.Exists(path))
        {
            var present = Versions(stage);
            throw new PromptException($"prompt {stage} v{version} not found at {path} (present: {(present.Count == 0 ? "none" : string.Join(", ", present.Select(v => $"v{v}")))})");
        }

        var bytes = File.ReadAllBytes(path);
        var text = new StreamReader(new MemoryStream(bytes)).ReadToEnd();
        PromptTemplateConfig config;
        try
        {
            // v1 files (published before prompts became SK prompt YAML) carry a top-level version and flat settings.
            config = PromptYaml.TopLevelKeys(text).Contains("version") ? FromLegacy(Yaml.Deserialize<PromptFile>(text), stage, version, path) : PromptYaml.Parse(text);
        }
        catch (YamlException ex)
        {
            var reason = (ex.InnerException?.Message ?? ex.Message).Split('\n')[0];
            throw new PromptException($"{path}: not a Semantic Kernel prompt file at line {ex.Start.Line}: {reason}");
        }

        Check(config, stage, path);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (Lock.HashOf(stage, version) is { } locked && !string.Equals(locked, sha, StringComparison.Ordinal))
        {
            throw new PromptException(
                $"{path} was edited after it was published (locked sha256 {locked[..12]}…, file {sha[..12]}…); published prompts never change: " +
                $"restore it and write the next version instead (summarizer prompts new {stage})");
        }

        // Article text is data: never let an input variable's value be read as markup, whatever a file says.
        config.AllowDangerouslySetContent = false;
        foreach (var variable in config.InputVariables)
        {
            variable.AllowDangerouslySetContent = false;
        }

        var prompt = new StagePrompt(stage, version, path, sha, config);
        _ = prompt.For("reasoning");
        CheckRenders(config, path);
        return prompt;
    }

    /// <summary>Loads the configured version of a stage, or the given override.</summary>
    public StagePrompt LoadConfigured(string stage, int? overrideVersion = null) => Load(stage, overrideVersion ?? ConfiguredVersion(stage));

    private static PromptTemplateConfig FromLegacy(PromptFile file, string stage, int version, string path)
    {
        if (file.Version != version)
        {
            throw new PromptException($"{path}: says version {file.Version}; the path says {stage} v{version}");
        }

        var settings = new PromptExecutionSettings
        {
            ExtensionData = new Dictionary<string, object>
            {
                ["temperature"] = file.ExecutionSettings.Temperature,
                ["max_tokens"] = file.ExecutionSettings.MaxTokens,
            },
        };
        return new PromptTemplateConfig(file.Template)
        {
            Name = file.Name,
            Description = file.Description,
            TemplateFormat = file.TemplateFormat,
            InputVariables = file.InputVariables.Select(v => new InputVariable { Name = v.Name, Description = v.Description, IsRequired = v.IsRequired }).ToList(),
            ExecutionSettings = new Dictionary<string, PromptExecutionSettings> { [PromptSettings.DefaultServiceId] = settings },
        };
    }

    private static void Check(PromptTemplateConfig config, string stage, string path)
    {
        if (!string.Equals(config.Name, stage, StringComparison.Ordinal))
        {
            throw new PromptException($"{path}: says name '{config.Name}'; the path says {stage}");
        }

        if (!string.Equals(config.TemplateFormat, PromptTemplateConfig.SemanticKernelTemplateFormat, StringComparison.Ordinal))
        {
            throw new PromptException($"{path}: template_format '{config.TemplateFormat}' is not available; use semantic-kernel");
        }

        if (string.IsNullOrWhiteSpace(config.Template))
        {
            throw new PromptException($"{path}: template is empty");
        }

        foreach (var variable in config.InputVariables)
        {
            if (!config.Template.Contains("{{$" + variable.Name + "}}", StringComparison.Ordinal))
            {
                throw new PromptException($"{path}: input variable '{variable.Name}' is not used in the template");
            }
        }

        if (!config.ExecutionSettings.ContainsKey(PromptSettings.DefaultServiceId))
        {
            throw new PromptException($"{path}: execution_settings has no '{PromptSettings.DefaultServiceId}' entry (keys: {string.Join(", ", config.ExecutionSettings.Keys)})");
        }

        foreach (var (serviceId, settings) in config.ExecutionSettings)
        {
            foreach (var key in settings.ExtensionData?.Keys ?? [])
            {
                if (!PromptSettings.Keys.Contains(key))
                {
                    throw new PromptException($"{path}: execution_settings.{serviceId}.{key} is not a setting this tool sends (known: {string.Join(", ", PromptSettings.Keys)})");
                }
            }
        }
    }

    /// <summary>
    /// Renders the template once with sample arguments, as a job will, so a syntax error or a call to a function that
    /// does not exist fails here, before any job is created, instead of on every model call.
    /// </summary>
    private static void CheckRenders(PromptTemplateConfig config, string path)
    {
        try
        {
            var template = new KernelPromptTemplateFactory().Create(config);
            var arguments = new KernelArguments();
            foreach (var variable in config.InputVariables)
            {
                arguments[variable.Name] = "[]";
            }

            // Rendering touches no I/O: with nothing but text and variables it completes at once.
            _ = template.RenderAsync(new Kernel(), arguments).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is KernelException or KeyNotFoundException)
        {
            throw new PromptException($"{path}: the template does not render ({ex.Message.Split('\n')[0].TrimEnd('.')}). Fix its {{{{ }}}} syntax: variables are written {{{{$name}}}}");
        }
    }

    private static string ResolveRoot(string root)
    {
        if (System.IO.Path.IsPathRooted(root))
        {
            return root;
        }

        var inWorkingFolder = System.IO.Path.GetFullPath(root);
        return Directory.Exists(inWorkingFolder) ? inWorkingFolder : System.IO.Path.Combine(AppContext.BaseDirectory, root);
    }
}
