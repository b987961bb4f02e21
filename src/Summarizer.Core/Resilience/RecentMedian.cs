namespace Summarizer.Core.Resilience;

/// <summary>The median of the last few values: one outlier among racing answers does not move it.</summary>
internal sealed class RecentMedian
{
    private const int Size = 15;
    private readonly Queue<double> _values = new();

    public int Count => _values.Count;

    public double Median => _values.Count == 0 ? 0 : _values.Order().ElementAt(_values.Count / 2);

    public void Add(double value)
    {
        _values.Enqueue(value);
        if (_values.Count > Size)
        {
            _values.Dequeue();
        }
    }
}
