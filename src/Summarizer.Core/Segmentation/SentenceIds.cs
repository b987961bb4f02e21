using System.Globalization;

namespace Summarizer.Core.Segmentation;

/// <summary>The sentence id format, <c>s1</c>..<c>sN</c> in reading order: the one place that makes and reads it.</summary>
public static class SentenceIds
{
    /// <summary>Gets the id of the sentence at a 0-based position.</summary>
    public static string At(int index) => "s" + (index + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>Gets a sentence's 1-based position in reading order, or <see cref="int.MaxValue"/> for a text that is not a sentence id.</summary>
    public static int Position(string id) =>
        id.Length > 1 && id[0] == 's' && int.TryParse(id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;

    /// <summary>Orders sentence ids in reading order (s2 before s10).</summary>
    public static IOrderedEnumerable<string> InReadingOrder(IEnumerable<string> ids) => ids.OrderBy(Position).ThenBy(id => id, StringComparer.Ordinal);
}
