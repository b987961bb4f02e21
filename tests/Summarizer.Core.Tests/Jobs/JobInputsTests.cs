using Summarizer.Core.Jobs;

namespace Summarizer.Core.Tests.Jobs;

/// <summary>Input paths keep the form they were given in, wherever the job is resumed from.</summary>
public sealed class JobInputsTests
{
    private static readonly string Base = Path.Combine(Path.GetTempPath(), "summarizer-inputs-base");

    [Fact]
    public void A_file_found_under_a_relative_folder_is_shown_under_that_folder()
    {
        var inputs = new JobInputs(["articles", "one.txt"], Base);

        Assert.Equal(Path.Join("articles", "sub", "a.txt"), inputs.Display(Path.Combine(Base, "articles", "sub", "a.txt")));
        Assert.Equal("one.txt", inputs.Display(Path.Combine(Base, "one.txt")));
        Assert.Equal(Path.Combine(Base, "articles", "a.txt"), inputs.Locate(Path.Join("articles", "a.txt")));
    }

    [Fact]
    public void Absolute_inputs_and_files_outside_every_given_path_stay_absolute()
    {
        var elsewhere = Path.Combine(Path.GetTempPath(), "elsewhere", "b.txt");
        var inputs = new JobInputs([elsewhere, "articles"], Base);

        Assert.Equal(elsewhere, inputs.Display(elsewhere));
        Assert.Equal(Path.Combine(Base, "articles-2", "c.txt"), inputs.Display(Path.Combine(Base, "articles-2", "c.txt")));
    }

    [Fact]
    public void Searching_from_another_folder_resolves_relative_paths_against_the_one_they_were_given_in()
    {
        var inputs = new JobInputs(["articles"], Base);

        Assert.Equal([Path.Combine(Base, "articles")], inputs.ToSearch);
        Assert.Equal(["articles"], new JobInputs(["articles"], Environment.CurrentDirectory).ToSearch);
    }
}
