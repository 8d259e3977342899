using System.Globalization;
using System.Runtime.CompilerServices;
using Orders.Data;
using Streaming;

namespace Orders.Streams;

/// <summary>Text written piece by piece as it is produced, the way a language model's answer arrives.</summary>
public static class ReportStreams
{
    /// <summary>A plain-text report of one customer's orders, one line per order as the rows are read, then a total.</summary>
    [Stream(Format.Text, "/customers/{customerId:int}/report.txt")]
    public static async IAsyncEnumerable<string> CustomerReport(
        int customerId, OrderStore store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return $"Orders of customer {customerId}\n";
        var (count, spent) = (0, 0m);
        await foreach (var order in store.CustomerOrdersAsync(customerId, cancellationToken))
        {
            (count, spent) = (count + 1, spent + order.Total);
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{order.CreatedAt:yyyy-MM-dd}  #{order.Id,-8} {order.Quantity} x {order.Product,-20} {order.Total,9:F2}  {order.Status}\n");
        }

        yield return string.Create(CultureInfo.InvariantCulture, $"{count} orders, {spent:F2} in all\n");
    }
}
