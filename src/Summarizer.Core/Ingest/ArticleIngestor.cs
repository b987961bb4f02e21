using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Summarizer.Core.Ingest;

/// <summary>
/// Turns one file into articles: reads and decodes it, extracts the text of its format, normalises it,
/// removes boilerplate (reporting each line), finds headline, section and source, and rejects what is not an Arabic article.
/// Never throws for a bad file: every problem becomes a one-line rejection.
/// </summary>
public sealed partial class ArticleIngestor(
    IOptions<IngestOptions> options,
    TextDecoder decoder,
    TextNormalizer normalizer,
    BoilerplateFilter boilerplate,
    HtmlContentExtractor html,
    JsonArticleReader json)
{
    /// <summary>The file extensions the tool reads, lower case with the dot.</summary>
    public static readonly IReadOnlySet<string> SupportedExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".txt", ".md", ".markdown", ".html", ".htm", ".json",
    };

    private readonly IngestOptions _options = options.Value;

    /// <summary>Ingests one file. A JSON array yields one result per item.</summary>
    public async Task<IReadOnlyList<IngestResult>> IngestAsync(string path, CancellationToken cancellationToken = default)
    {
        var id = ArticleIds.FromPath(path);
        try
        {
            var bytes = await ReadBytesAsync(path, cancellationToken).ConfigureAwait(false);
            return IngestBytes(path, id, bytes);
        }
        catch (IngestException ex)
        {
            return [IngestResult.Rejected(path, id, ex.Reason, ex.Message)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [IngestResult.Rejected(path, id, RejectionReason.Unreadable, $"cannot read file ({ex.GetType().Name})")];
        }
    }

    /// <summary>Ingests a file's bytes (exposed for tests and for callers that already hold the bytes).</summary>
    public IReadOnlyList<IngestResult> IngestBytes(string path, string id, ReadOnlySpan<byte> bytes)
    {
        try
        {
            if (bytes.Length > _options.MaxFileBytes)
            {
                throw TooLarge(bytes.Length);
            }

            if (bytes.IsEmpty)
            {
                throw new IngestException(RejectionReason.Empty, "empty file (0 bytes)");
            }

            var decoded = decoder.Decode(bytes);
            if (string.IsNullOrWhiteSpace(decoded.Text))
            {
                throw new IngestException(RejectionReason.Empty, "only white space");
            }

            var extension = Path.GetExtension(path).ToLowerInvariant();
            if (extension == ".json")
            {
                return json.Read(decoded.Text)
                    .Select(item => item.Document is null
                        ? IngestResult.Rejected(path, $"{id}-{item.Suffix}", item.Error!.Reason, item.Error.Message)
                        : Build(path, WithSuffix(id, item.Suffix), item.Document, decoded.EncodingName))
                    .ToList();
            }

            var document = extension switch
            {
                ".html" or ".htm" => html.Extract(decoded.Text),
                ".md" or ".markdown" => new RawDocument(MarkdownText.ToPlainText(decoded.Text), "md"),
                _ => new RawDocument(decoded.Text, "txt"),
            };
            return [Build(path, id, document, decoded.EncodingName)];
        }
        catch (IngestException ex)
        {
            return [IngestResult.Rejected(path, id, ex.Reason, ex.Message)];
        }
    }

    private async Task<byte[]> ReadBytesAsync(string path, CancellationToken cancellationToken)
    {
        // Look before opening: opening a FIFO waits for a writer and a device may never end, so neither is ever opened.
        var facts = FileFacts.Of(path);
        if (facts.Kind == FileKind.Missing)
        {
            throw new IngestException(RejectionReason.Unreadable, "cannot read file (it is gone, or a link leads nowhere)");
        }

        if (facts.Kind is not (FileKind.Regular or FileKind.Unknown))
        {
            throw new IngestException(RejectionReason.NotRegularFile, $"not a regular file: {FileFacts.Describe(facts.Kind)}");
        }

        var extension = Path.GetExtension(path);
        if (!SupportedExtensions.Contains(extension))
        {
            var shown = extension.Length == 0 ? "no extension" : $"'{PrintableText.Escape(extension)}'";
            throw new IngestException(RejectionReason.Unsupported, $"unsupported file type ({shown}; expected .txt, .md, .html, .htm or .json)");
        }

        // Check the size before reading, so a huge file never lands in memory; the read is bounded too, for a file that
        // grows in between.
        var length = facts.Kind == FileKind.Regular ? facts.Size : new FileInfo(path).Length;
        if (length > _options.MaxFileBytes)
        {
            throw TooLarge(length);
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.SequentialScan);
        using var bytes = new MemoryStream((int)Math.Min(length, 1 << 20));
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (bytes.Length + read > _options.MaxFileBytes)
            {
                throw TooLarge(bytes.Length + read);
            }

            bytes.Write(buffer, 0, read);
        }

        return bytes.ToArray();
    }

    private IngestException TooLarge(long length) => new(
        RejectionReason.TooLarge,
        string.Create(CultureInfo.InvariantCulture, $"file too large ({length:N0} bytes; limit {_options.MaxFileBytes:N0}, set Summarizer:Ingest:MaxFileBytes)"));

    /// <summary>Normalises a metadata field the format declares (JSON source, published), which reaches pages and prompts too.</summary>
    private string? Clean(string? value) => value is null ? null : normalizer.Normalize(value).Trim();

    private static string WithSuffix(string id, string? suffix) => suffix is null ? id : $"{id}-{suffix}";

    private IngestResult Build(string path, string id, RawDocument document, string encodingName)
    {
        var removed = new List<RemovedLine>();
        var kept = new List<string>();
        string? section = null, source = Clean(document.Source);
        var lines = normalizer.Normalize(document.Body).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                kept.Add(line);
                continue;
            }

            if (boilerplate.Match(line) is { } rule)
            {
                removed.Add(new RemovedLine(i + 1, line, rule));
            }
            else if (section is null && kept.All(k => k.Length == 0) && boilerplate.IsSectionLabel(line))
            {
                section = line;
            }
            else if (SourceLine().Match(line) is { Success: true } match && line.Length <= 100)
            {
                source ??= match.Groups["source"].Value.Trim();
            }
            else
            {
                kept.Add(line);
            }
        }

        var title = document.Title is null ? null : normalizer.Normalize(document.Title).Trim();
        TakeTitle(kept, ref title);
        var text = JoinParagraphs(kept);
        if (text.Length == 0)
        {
            return IngestResult.Rejected(path, id, RejectionReason.Empty, removed.Count == 0
                ? "no article text"
                : $"no article text left after removing {removed.Count} boilerplate line(s)");
        }

        var (share, letters) = ArabicScript.ArabicLetterShare(text);
        if (share < _options.MinArabicLetterShare)
        {
            return IngestResult.Rejected(path, id, RejectionReason.NotArabic, letters == 0
                ? "not Arabic (no letters)"
                : string.Create(CultureInfo.InvariantCulture, $"not Arabic (Arabic letters are {share * 100:0}% of {letters:N0} letters; minimum {_options.MinArabicLetterShare * 100:0}%)"));
        }

        return IngestResult.Accepted(new Article(id, path, title ?? string.Empty, text)
        {
            Source = source,
            Section = section,
            Published = Clean(document.Published),
            Format = document.Format,
            Encoding = encodingName,
            RemovedLines = removed,
        });
    }

    /// <summary>
    /// Takes the headline from the body: the format's own title when it also opens the body, else a short first line
    /// without terminal punctuation that is followed by more text.
    /// </summary>
    private void TakeTitle(List<string> lines, ref string? title)
    {
        var first = lines.FindIndex(l => l.Length > 0);
        if (first < 0)
        {
            return;
        }

        var line = lines[first];
        if (title is not null)
        {
            if (string.Equals(line, title, StringComparison.Ordinal))
            {
                lines.RemoveAt(first);
            }

            return;
        }

        var hasMore = lines.Skip(first + 1).Any(l => l.Length > 0);
        if (hasMore && line.Length <= _options.MaxTitleLength && !EndsLikeSentence(line) && !line.Contains(" , ", StringComparison.Ordinal))
        {
            title = line;
            lines.RemoveAt(first);
        }
    }

    private static bool EndsLikeSentence(string line) => line[^1] is '.' or '!' or '؛' or '…' or ':' or '،' or ',' or ';';

    private static string JoinParagraphs(List<string> lines)
    {
        // Collapse runs of blank lines (left by removed boilerplate) to one paragraph break.
        var builder = new System.Text.StringBuilder();
        var pendingBreak = false;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                pendingBreak = builder.Length > 0;
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(pendingBreak ? "\n\n" : "\n");
            }

            builder.Append(line);
            pendingBreak = false;
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"^[(\[]?\s*(المصدر|مصدر الخبر|المصدر الأصلي|Source)\s*[:：]\s*(?<source>[^)\]]+)[)\]]?$", RegexOptions.IgnoreCase)]
    private static partial Regex SourceLine();
}
