using Microsoft.SemanticKernel;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Summarizer.Core.Prompts;

/// <summary>
/// Reads Semantic Kernel prompt YAML into a <see cref="PromptTemplateConfig"/> exactly as SK's own
/// <c>KernelFunctionYaml.ToPromptTemplateConfig</c> does (package Microsoft.SemanticKernel.Yaml, not served here):
/// YamlDotNet with underscored names, unknown top-level keys refused, and <c>execution_settings</c> a map keyed by
/// service id whose entries keep <c>model_id</c> and put every other key in <see cref="PromptExecutionSettings.ExtensionData"/>.
/// A file this reads is a file SK can load unchanged.
/// </summary>
public static class PromptYaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithTypeConverter(new ExecutionSettingsConverter())
        .Build();

    private static readonly IDeserializer Values = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>Parses SK prompt YAML.</summary>
    /// <exception cref="YamlException">The text is not valid YAML or not of the SK prompt shape (for example an unknown key).</exception>
    public static PromptTemplateConfig Parse(string text) => Deserializer.Deserialize<PromptTemplateConfig>(text);

    /// <summary>Lists the top-level keys of a YAML mapping (to tell the format a file is in before reading it).</summary>
    public static IReadOnlyCollection<string> TopLevelKeys(string text)
    {
        var root = Values.Deserialize<Dictionary<string, object?>>(text);
        return root is null ? [] : root.Keys;
    }

    /// <summary>Reads one service id's settings the way SK's <c>PromptExecutionSettingsTypeConverter</c> does.</summary>
    private sealed class ExecutionSettingsConverter : IYamlTypeConverter
    {
        public bool Accepts(Type type) => type == typeof(PromptExecutionSettings);

        public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
        {
            parser.Consume<MappingStart>();
            var settings = new PromptExecutionSettings();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var name = parser.Consume<Scalar>().Value;
                if (name == "model_id")
                {
                    settings.ModelId = Values.Deserialize<string>(parser);
                }
                else
                {
                    (settings.ExtensionData ??= new Dictionary<string, object>()).Add(name, Values.Deserialize<object>(parser)!);
                }
            }

            return settings;
        }

        public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
            throw new NotSupportedException("prompt files are written by hand, never serialized");
    }
}
