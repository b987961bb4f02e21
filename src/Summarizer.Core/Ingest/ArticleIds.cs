using System.Text;

namespace Summarizer.Core.Ingest;

/// <summary>Makes article ids: lowercase slugs of file names, safe in URLs, paths and citations.</summary>
public static class ArticleIds
{
    /// <summary>Makes the id for a file: its name without extension, slugged.</summary>
    public static string FromPath(string path) => Slug(System.IO.Path.GetFileNameWithoutExtension(path));

    /// <summary>
    /// Slugs text: letters and digits kept (Arabic letters too), everything else folded to single hyphens.
    /// Citations use <c>article:s4</c>, so a colon must never survive.
    /// </summary>
    public static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsAsciiLetterOrDigit(c) || IsArabicLetter(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "article" : slug;
    }

    private static bool IsArabicLetter(char c) => c is >= '\u0621' and <= '\u064A' or >= '\u0660' and <= '\u0669';
}
