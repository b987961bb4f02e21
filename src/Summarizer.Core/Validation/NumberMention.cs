namespace Summarizer.Core.Validation;

/// <summary>A number found in text: as written (digits normalised) and scaled by a following magnitude word.</summary>
/// <param name="Text">The number as it appears, digits normalised to 0-9.</param>
/// <param name="Value">The number's value without scale (1.39 in "1.39 مليار").</param>
/// <param name="Scaled">The value times its magnitude word (1390000000 in "1.39 مليار"); equal to Value when none.</param>
public sealed record NumberMention(string Text, decimal Value, decimal Scaled)
{
    /// <summary>True when two mentions denote the same quantity, whichever of them names the magnitude in words.</summary>
    public bool Matches(NumberMention other) =>
        Value == other.Value || Scaled == other.Scaled || Value == other.Scaled || Scaled == other.Value;
}
