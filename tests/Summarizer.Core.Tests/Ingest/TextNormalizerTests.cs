using Summarizer.Core.Ingest;

namespace Summarizer.Core.Tests.Ingest;

public class TextNormalizerTests
{
    private readonly TextNormalizer _normalizer = new();

    [Fact]
    public void Turns_crlf_and_cr_into_lf()
    {
        Assert.Equal("أ\nب\nج", _normalizer.Normalize("أ\r\nب\rج"));
    }

    [Fact]
    public void Turns_no_break_spaces_into_spaces()
    {
        Assert.Equal("مليون دولار", _normalizer.Normalize("مليون\u00A0دولار"));
    }

    [Fact]
    public void Strips_bidi_controls_and_zero_width_characters()
    {
        Assert.Equal("كندا 2024", _normalizer.Normalize("\u202Bكندا\u200F \u2066202\u200B4\u2069\u202C\uFEFF"));
    }

    [Fact]
    public void Removes_tatweel()
    {
        Assert.Equal("بغداد", _normalizer.Normalize("بغـــداد"));
    }

    [Fact]
    public void Maps_presentation_forms_to_base_letters()
    {
        // ﻛﻨﺪا written with contextual presentation forms, and the lam-alef ligature ﻻ.
        Assert.Equal("كندا لا", _normalizer.Normalize("\uFEDB\uFEE8\uFEAA\u0627 \uFEFB"));
    }

    [Fact]
    public void Keeps_diacritics()
    {
        const string vowelled = "أَكَّدَ الوَزِيرُ";

        Assert.Equal(vowelled, _normalizer.Normalize(vowelled));
    }

    [Fact]
    public void Leaves_other_compatibility_characters_alone()
    {
        // Only Arabic presentation forms are folded: a full-width digit or a Latin ligature stays as written.
        Assert.Equal("\uFF11 \uFB01", _normalizer.Normalize("\uFF11 \uFB01"));
    }

    [Fact]
    public void Drops_control_characters_but_keeps_line_ends_and_spaces()
    {
        Assert.Equal("أ ب\nج\nد", _normalizer.Normalize("أ\u0000 ب\u0007\r\nج\u001B\u007F\u0085د\u009B"));
    }
}
