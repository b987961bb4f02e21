using System.Text.Json.Nodes;
using Summarizer.Core.Stages;

namespace Summarizer.Core.Tests.Stages;

public class StageJsonTests
{
    [Fact]
    public void The_merge_schema_is_strict_and_snake_case_in_contract_order()
    {
        var schema = StageJson.Schema(typeof(MergeOutput));

        Assert.False(schema["additionalProperties"]!.GetValue<bool>());
        Assert.Equal(["headline_en", "headline_ar", "summary_en", "summary_ar", "claims"], schema["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        var claim = schema["properties"]!["claims"]!["items"]!.AsObject();
        Assert.Equal(["en", "ar", "sources"], claim["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.False(claim["additionalProperties"]!.GetValue<bool>());
    }

    [Fact]
    public void Inputs_serialise_in_contract_shape_with_arabic_unescaped()
    {
        Assert.Equal("""{"id":"s4","ar":"كندا \"داعش\""}""", StageJson.Serialize(new TranslateSentence("s4", "كندا \"داعش\"")));
    }

    [Fact]
    public void Answers_in_a_markdown_code_fence_still_parse()
    {
        var output = StageJson.Deserialize<TranslateOutput>("```json\n{\"translations\":[{\"id\":\"s1\",\"en\":\"One.\"}]}\n```");

        Assert.Equal("One.", Assert.Single(output.Translations).En);
    }

    [Fact]
    public void An_answer_missing_a_required_property_does_not_parse()
    {
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => StageJson.Deserialize<TranslateOutput>("{\"translations\":[{\"id\":\"s1\"}]}"));
    }

    [Fact]
    public void Schema_names_nothing_outside_the_contract()
    {
        var schema = StageJson.Schema(typeof(TranslateOutput));

        Assert.Equal(["translations"], ((JsonObject)schema["properties"]!).Select(p => p.Key));
    }
}
