namespace Summarizer.Core.Evaluation;

/// <summary>
/// The sacreBLEU release whose definitions <see cref="ChrF"/> and <see cref="Bleu"/> follow and whose version their
/// signatures carry.
/// </summary>
/// <remarks>
/// The scoring code for the defaults used here (chrF, chrF++, BLEU with 13a and exp smoothing) is the same from 2.0.0 to
/// 2.6.0; the signature names the release that was read.
/// </remarks>
public static class SacreBleu
{
    /// <summary>Gets the sacreBLEU version, as its signatures print it.</summary>
    public const string Version = "2.6.0";
}
