using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Summarizer.Core.Ingest;

/// <summary>
/// Turns one file into articles: reads and decodes it, extracts the text of its format, normalises it,
/// removes boilerplate line by line and by its place on the page (reporting each line), finds headline, section and source,
/// and rejects what is not an Arabic article.
/// Never throws for a bad file: every problem becomes a one-line rejection.
/// </summary>
public sealed partial class ArticleIngestor(
    IOptions<IngestOptions> options,
    TextDecoder decoder,
    TextNormalizer normalizer,
    BoilerplateFilter boilerplate,
    PageLayout layout,
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
        string? section = null, source = Clean(document.Source);
        var lines = normalizer.Normalize(document.Body).Split('\n').Select((l, i) => new PageLine(i + 1, l.Trim())).ToList();
        var textSeen = false;
        foreach (var line in lines.Where(l => l.Text.Length > 0))
        {
            if (boilerplate.Match(line.Text) is { } rule)
            {
                line.RemovedBy = rule;
            }
            else if (section is null && !textSeen && boilerplate.IsSectionLabel(line.Text))
            {
                section = line.Text;
                line.IsMetadata = true;
            }
            else if (SourceLine().Match(line.Text) is { Success: true } match && line.Text.Length <= 100)
            {
                source ??= match.Groups["source"].Value.Trim();
                line.IsMetadata = true;
            }

            textSeen |= line.IsKept;
        }

        var declared = Clean(document.Title);
        var title = layout.Apply(lines, declared, _options.MaxTitleLength);
        var text = JoinParagraphs(lines.Select(l => l.IsKept ? l.Text : string.Empty));
        var removed = lines.Where(l => l.RemovedBy is not null).Select(l => new RemovedLine(l.Number, l.Text, l.RemovedBy!)).ToList();
        // A page with no Arabic at all is "not Arabic", even when its lines also read as (Latin) page furniture.
        var judged = text.Length > 0 || ArabicScript.ArabicLetterShare(document.Body).Share >= _options.MinArabicLetterShare ? text : document.Body;
        if (judged.Length == 0)
        {
            return IngestResult.Rejected(path, id, RejectionReason.Empty, removed.Count == 0
                ? "no article text"
                : $"no article text left after removing {removed.Count} boilerplate line(s)");
        }

        var (share, letters) = ArabicScript.ArabicLetterShare(judged);
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

    private static string JoinParagraphs(IEnumerable<string> lines)
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
